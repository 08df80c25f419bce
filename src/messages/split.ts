/**
 * Text cut into messages of at most `limit` characters, between lines; a line longer than the limit
 * is cut where it must, never losing text. Lengths are UTF-16 units, which never undercounts.
 */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, limit)) {
      if (current !== null && current.length + 1 + piece.length <= limit) current = `${current}\n${piece}`;
      else {
        if (current !== null) parts.push(current);
        current = piece;
      }
    }
  }
  if (current !== null) parts.push(current);
  return parts.filter((part) => part.trim() !== '');
}

function cutLine(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    // Not between the two halves of a surrogate pair.
    let end = limit;
    const code = rest.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    // At the last space when there is one in the second half: words stay whole.
    const space = rest.lastIndexOf(' ', end);
    if (space > limit / 2) end = space + 1;
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end);
  }
  pieces.push(rest);
  return pieces;
}
