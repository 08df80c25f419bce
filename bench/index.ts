/** `npm run bench`: speed targets, measured and printed; never asserted in tests. */
import { benchImports } from './imports.js';

await benchImports();
