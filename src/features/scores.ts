/**
 * Questions about results, answered: the units a message names are settled first — one fits, or the
 * chat is asked which (buttons naming each with its parent), or told none fits and offered the nearest
 * — then the intent is answered for the period asked, with nearby periods offered when it has no data.
 */
import type { ChatRow } from '../db/chats.js';
import type { UnitRow } from '../db/units.js';
import { offeredWithin, type Gazetteer, type GazetteerUnit } from '../domain/gazetteer.js';
import { parsePeriodKey } from '../domain/period.js';
import { encodeAction, type SettledQuestion } from '../domain/actions.js';
import { chatByAddress } from '../db/chats.js';
import type { Question, UnitSlot } from '../domain/question.js';
import { foldWords } from '../domain/text.js';
import { renderScoreAnswer } from '../messages/card.js';
import { renderComparison } from '../messages/comparison.js';
import { renderDetail } from '../messages/detail.js';
import { renderLeaders } from '../messages/leaders.js';
import { renderRanking } from '../messages/ranking.js';
import { textReply, type Reply, type ReplyButton } from '../messages/reply.js';
import { renderStanding } from '../messages/standing.js';
import { renderWeakest } from '../messages/weakest.js';
import { compareUnits } from '../services/comparison.js';
import { leaders } from '../services/leaders.js';
import { rankingFor } from '../services/ranking.js';
import { rankStanding } from '../services/standing.js';
import { heldUnit } from '../services/gazetteer.js';
import { scoreCard } from '../services/scores.js';
import type { ConversationDeps } from '../core/conversation.js';
import { answerChart } from './charts.js';
import type { Acts, Answers } from './feature.js';

/** Choices offered for one unclear name, or for a pair of them when comparing. */
const MAX_CHOICES = 8;
/** Units offered when a name fits none: the nearest few by spelling. */
const NEAREST_OFFERED = 3;
/** Two to four letters typed as one word: maybe a name's initials. */
const INITIALS = /^[a-z]{2,4}$/;
/** One unit, or two compared: more in one message is asked again, not guessed at. */
const MOST_UNITS = 2;

async function answerQuestion(deps: ConversationDeps, chat: ChatRow | undefined, question: Question, gazetteer: Gazetteer, stamp: string): Promise<Reply[]> {
  const { t } = deps;
  const settled: SettledQuestion = {
    intent: question.intent,
    unitIds: [],
    period: question.period,
    group: question.group,
    unitKind: question.unitsAsked?.kind ?? null,
    ...(question.scale ? { scale: question.scale } : {}),
    ...(question.national ? { national: true } : {}),
    ...(question.count !== undefined && (question.intent === 'top' || question.intent === 'bottom') ? { count: question.count } : {}),
    ...(question.against ? { against: question.against } : {}),
  };
  if (question.units.length > MOST_UNITS) return [textReply(t('units-too-many', { count: question.units.length }))];
  if (question.ownProvince) {
    const own = chat?.unitId ? gazetteer.unit(chat.unitId) : undefined;
    const province = own ? gazetteer.provinceOf(own) : undefined;
    if (!province) return [textReply(t('province-unknown'))];
    return answerSettled(deps, chat, { ...settled, unitIds: [province.id] }, stamp);
  }
  const short = question.units.length === 0 || (question.intent === 'compare' && question.units.length < 2);
  if (question.unknownName !== null && short) return [notFound(deps, settled, question.unknownName, gazetteer)];
  if (question.units.some(unsure)) return [whichUnit(deps, question, settled, gazetteer)];
  const answers = await answerSettled(deps, chat, { ...settled, unitIds: question.units.flatMap((slot) => slot.candidates.slice(0, 1).map((u) => u.id)) }, stamp);
  // "Việt Trì và Hải Lăng": Việt Trì is answered, and the name that fits nothing is said so.
  return question.unknownName === null ? answers : [...answers, textReply(t('unit-not-found', { query: question.unknownName }))];
}

/** A slot the chat is asked about: several units fit, or one fits only by a near spelling. */
function unsure(slot: UnitSlot): boolean {
  return slot.candidates.length > 1 || slot.loose;
}

/** "UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)": a unit as a choice, with its parent so two of one name differ. */
function choiceLabel(gazetteer: Gazetteer, unit: GazetteerUnit): string {
  const parent = gazetteer.parentOf(unit);
  return parent ? `${unit.name} (${parent.name})` : unit.name;
}

/** Every way to settle the unsure names: one button a combination, each naming its units; a list to type from when there are too many. */
function whichUnit(deps: ConversationDeps, question: Question, settled: SettledQuestion, gazetteer: Gazetteer): Reply {
  const unclear = question.units.filter(unsure);
  const names = unclear.map((slot) => `«${slot.text}»`).join(', ');
  const choices = question.units.reduce((n, slot) => n * slot.candidates.length, 1);
  if (choices > MAX_CHOICES) {
    const candidates = unclear.flatMap((s) => s.candidates.map((u) => choiceLabel(gazetteer, u)));
    return textReply(deps.t('unit-ambiguous', { query: names, candidates: candidates.slice(0, MAX_CHOICES).join('; ') + (candidates.length > MAX_CHOICES ? '…' : '') }));
  }
  let combinations: GazetteerUnit[][] = [[]];
  for (const slot of question.units) {
    const candidates = [...slot.candidates].sort((a, b) => choiceLabel(gazetteer, a).localeCompare(choiceLabel(gazetteer, b), 'vi'));
    combinations = combinations.flatMap((chosen) => candidates.map((unit) => [...chosen, unit]));
  }
  const buttons: ReplyButton[][] = combinations.map((units) => [
    {
      label: units.filter((_, i) => unsure(question.units[i] as UnitSlot)).map((u) => choiceLabel(gazetteer, u)).join(' – '),
      action: encodeQuestion({ ...settled, unitIds: units.map((u) => u.id) }),
    },
  ]);
  const onlySlips = unclear.every((slot) => slot.candidates.length === 1);
  return { lines: [deps.t(onlySlips ? 'unit-did-you-mean' : 'unit-which', { query: names })], buttons };
}

/**
 * A name that fits nothing: said so, with the nearest names as buttons when any is near, or the units
 * it may be the initials of ("VT": Việt Trì) when they are few.
 */
function notFound(deps: ConversationDeps, settled: SettledQuestion, name: string, gazetteer: Gazetteer): Reply {
  const words = foldWords(name);
  const near = gazetteer.near(words, offeredWithin(words), NEAREST_OFFERED).map(({ unit }) => unit);
  const initialed = near.length === 0 && INITIALS.test(words) ? gazetteer.initialed(words) : [];
  const offered = near.length > 0 ? near : initialed.length <= MAX_CHOICES ? initialed : [];
  if (offered.length === 0) return textReply(deps.t('unit-not-found', { query: name }));
  return {
    lines: [deps.t('unit-not-found-near', { query: name })],
    buttons: offered.map((unit) => [{ label: choiceLabel(gazetteer, unit), action: encodeQuestion({ ...settled, unitIds: [unit.id] }) }]),
  };
}

/** A question whose units are chosen: from a message, or from a button. `stamp`: `IMPORTS_STAMP` as the chat's turn began, when read. */
async function answerSettled(deps: ConversationDeps, chat: ChatRow | undefined, q: SettledQuestion, stamp?: string): Promise<Reply[]> {
  const { db, t } = deps;
  const named = await Promise.all(q.unitIds.map((id) => heldUnit(db, id)));
  if (named.some((u) => u === undefined)) return [textReply(t('unit-gone'))];
  const units = named as UnitRow[];
  const own = chat?.unitId ? ((await heldUnit(db, chat.unitId)) ?? null) : null;
  const periodAction = (period: string) => encodeQuestion({ ...q, period: parsePeriodKey(period) ?? q.period });
  const unit = units[0] ?? own;
  switch (q.intent) {
    case 'score':
    case 'detail':
    case 'weakest':
    case 'rank': {
      if (!unit) return [textReply(t('no-unit'))];
      if (q.intent === 'rank') return [renderStanding(t, await rankStanding(db, unit.id, q.period), periodAction)];
      const answer = await scoreCard(db, unit.id, q.period, stamp);
      if (q.intent === 'detail') return [renderDetail(t, answer, q.group, periodAction)];
      if (q.intent === 'weakest') return [renderWeakest(t, answer, periodAction)];
      return [renderScoreAnswer(t, answer, periodAction, q.against)];
    }
    case 'ranking':
      // "xếp hạng các tỉnh", "toàn quốc": the provinces nationwide, as the national list ranks them.
      return [renderRanking(t, await rankingFor(db, unit, q.period, q.national === true, q.unitKind), periodAction)];
    case 'top':
    case 'bottom': {
      // "xã nào cao nhất tỉnh Phú Thọ" names the parent; "Việt Trì có cao nhất không" a unit among its peers.
      // "Phú Thọ có cao nhất cả nước không": said nationwide, a province is among its peers, not their parent.
      const named = units[0] ?? null;
      const parent = !q.national && named && (named.kind === 'tinh' || named.kind === 'huyen') ? named : null;
      const request = { parent, around: parent ? null : (named ?? own), kind: q.unitKind, order: q.intent, national: q.national === true, ...(q.count ? { count: q.count } : {}) };
      return [renderLeaders(t, await leaders(db, request, q.period), periodAction)];
    }
    case 'trend':
    case 'ranking-chart':
      return answerChart(deps, unit, { ...q, intent: q.intent }, periodAction, stamp);
    case 'compare': {
      const [first, second] = units.length >= 2 ? units : [own, units[0]];
      if (!first || !second || first.id === second.id) return [textReply(t('compare-needs-two'))];
      return [renderComparison(t, await compareUnits(db, first.id, second.id, q.period), periodAction)];
    }
  }
}

function encodeQuestion(question: SettledQuestion): string {
  return encodeAction({ kind: 'question', question });
}

export const scoresFeature = {
  answers: {
    question: ({ deps, chat, known, gazetteer }, request) => answerQuestion(deps, chat, request.question, gazetteer, known.importsStamp),
    'bad-period': ({ deps }, request) => Promise.resolve([textReply(deps.t(`bad-period-${request.reason}`, { value: request.value }))]),
  } satisfies Answers<'question' | 'bad-period'>,
  acts: {
    // A unit chosen among several of one name, a nearby period: the question answered as settled.
    question: async ({ deps, chat }, action) => ({ replies: await answerSettled(deps, await chatByAddress(deps.db, chat.channel, chat.externalId), action.question) }),
  } satisfies Acts<'question'>,
};
