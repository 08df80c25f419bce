/** The version in package.json (next to src/ and dist/ alike), for the User-Agent. */
import { readFileSync } from 'node:fs';

export const BOT_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
