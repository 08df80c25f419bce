/** `npm run bench`: speed targets, measured and printed; never asserted in tests. */
import { benchAnswers } from './answers.js';
import { benchCharts } from './charts.js';
import { benchCollect } from './collect.js';
import { benchImports } from './imports.js';
import { benchMemory } from './memory.js';
import { benchPublication } from './publication.js';
import { benchUnderstanding } from './understanding.js';
import { benchWebhook } from './webhook.js';

const only = process.argv[2];
if (!only || only === 'imports') await benchImports();
if (!only || only === 'publication') await benchPublication();
if (!only || only === 'answers') await benchAnswers();
if (!only || only === 'understanding') benchUnderstanding();
if (!only || only === 'webhook') await benchWebhook();
if (!only || only === 'memory') await benchMemory();
if (!only || only === 'charts') await benchCharts();
if (!only || only === 'collect') await benchCollect();
