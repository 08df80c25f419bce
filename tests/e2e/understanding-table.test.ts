/**
 * The understanding table: 400-odd messages as officials type them (tests/unit/understanding-cases.ts),
 * read against the units the real samples store, each yielding the intent, units, period and group it means.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { allUnits } from '../../src/db/units.js';
import { Gazetteer } from '../../src/domain/gazetteer.js';
import { parseRequest, type Request } from '../../src/domain/request.js';
import { foldWords } from '../../src/domain/text.js';
import { loadDemo } from '../../src/services/demo.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { UNDERSTANDING_CASES, type UnderstandingCase } from '../unit/understanding-cases.js';

const TODAY = { year: 2026, month: 12, day: 15 };

let database: TestDatabase;
let opened: Database;
let gazetteer: Gazetteer;

beforeAll(async () => {
  database = await createTestDatabase();
  opened = await openDatabase(database.target);
  await loadDemo(opened.db);
  gazetteer = new Gazetteer(await allUnits(opened.db));
});

afterAll(async () => {
  await opened?.close();
  await database?.drop();
});

/** What a request comes to, in the table's terms. */
function reading(request: Request): Omit<UnderstandingCase, 'text'> {
  if (request.kind === 'monthly-report') return { intent: request.kind, ...(request.period.kind !== 'latest' ? { period: request.period } : {}) };
  if (request.kind === 'whatif') {
    const w = request.whatIf;
    const named = w.units.filter((slot) => slot.candidates.length === 1).map((slot) => slot.candidates[0]?.name ?? '');
    return {
      intent: 'whatif',
      ...(named.length > 0 ? { units: named } : {}),
      ...(w.unknownName !== null ? { notFound: foldWords(w.unknownName) } : {}),
      ...(w.period.kind !== 'latest' ? { period: w.period } : {}),
      ...(w.target ? { group: w.target.group, criterion: w.target.code } : {}),
      ...(w.rate !== null ? { rate: w.rate } : {}),
    };
  }
  if (request.kind !== 'question') {
    // The table speaks of task work as a whole: one task's progress is part of "tasks".
    const intent = request.kind === 'progress' || request.kind === 'close' || request.kind === 'move' ? 'tasks' : request.kind;
    return { intent: intent as UnderstandingCase['intent'] };
  }
  const q = request.question;
  const named = q.units.filter((slot) => slot.candidates.length === 1).map((slot) => slot.candidates[0]?.name ?? '');
  const unclear = q.units.find((slot) => slot.candidates.length > 1);
  return {
    intent: q.intent,
    ...(named.length > 0 ? { units: named } : {}),
    ...(unclear ? { ask: unclear.candidates.map((u) => u.name).sort() } : {}),
    ...(q.unknownName !== null ? { notFound: foldWords(q.unknownName) } : {}),
    ...(q.period.kind !== 'latest' ? { period: q.period } : {}),
    ...(q.group !== null ? { group: q.group } : {}),
    ...(q.unitsAsked?.kind ? { kind: q.unitsAsked.kind } : {}),
    ...(q.scale && (q.intent === 'trend' || q.intent === 'ranking-chart') ? { scale: q.scale } : {}),
    ...(q.count !== undefined && (q.intent === 'top' || q.intent === 'bottom') ? { count: q.count } : {}),
    ...(q.ownProvince ? { ownProvince: q.ownProvince } : {}),
  };
}

function expected(c: UnderstandingCase): Omit<UnderstandingCase, 'text'> {
  const { text: _text, ...rest } = c;
  // The task flows ask for their units step by step: a unit named with "nhiệm vụ" or "giao việc" is not read yet.
  if (c.intent === 'monthly-report') return c.period ? { intent: c.intent, period: c.period } : { intent: c.intent };
  if (!isQuestion(c.intent)) return { intent: c.intent };
  return rest.ask ? { ...rest, ask: [...rest.ask].sort() } : rest;
}

function isQuestion(intent: UnderstandingCase['intent']): boolean {
  return !['tasks', 'overdue', 'assign', 'template', 'monthly-report', 'help', 'greeting', 'thanks', 'bad-period', 'unknown'].includes(intent);
}

describe('understanding officials as they write', () => {
  it('has at least 200 phrasings', () => {
    expect(UNDERSTANDING_CASES.length).toBeGreaterThanOrEqual(200);
  });

  it.each(UNDERSTANDING_CASES.map((c) => [c.text, c] as const))('%s', (text, c) => {
    expect(reading(parseRequest(text, TODAY, gazetteer))).toEqual(expected(c));
  });
});
