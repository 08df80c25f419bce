/** Small helpers for collections the standard library of Node 20 lacks. */

/** Adds `value` to the list kept under `key`, starting the list when there is none (Map.groupBy, one at a time). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
