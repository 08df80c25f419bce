/**
 * Questions about results, answered: the units a message names are settled first — one fits, or the
 * chat is asked which (buttons naming each with its parent), or told none fits and offered the nearest
 * — then the intent is answered for the period asked, with nearby periods offered when it has no data.
 */
import type { ChatRow } from '../db/chats.js';
import { unitById, type UnitRow } from '../db/units.js';
import type { Gazetteer, GazetteerUnit } from '../domain/gazetteer.js';
import { parsePeriodKey } from '../domain/period.js';
import { encodeQuestion, type SettledQuestion } from '../domain/question-action.js';
import type { Question } from '../domain/question.js';
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
import { scoreCard } from '../services/scores.js';
import type { ConversationDeps } from './conversation.js';

/** Choices offered for one unclear name, or for a pair of them when comparing. */
const MAX_CHOICES = 8;
/** Units offered when a name fits none: the nearest few by spelling. */
const NEAREST_OFFERED = 3;

export async function answerQuestion(deps: ConversationDeps, chat: ChatRow | undefined, question: Question, gazetteer: Gazetteer): Promise<Reply[]> {
  const { t } = deps;
  const settled: SettledQuestion = { intent: question.intent, unitIds: [], period: question.period, group: question.group, unitKind: question.unitsAsked?.kind ?? null };
  if (question.unknownName !== null) return [notFound(deps, settled, question.unknownName, gazetteer)];
  const unclear = question.units.findIndex((slot) => slot.candidates.length > 1);
  if (unclear >= 0) return [whichUnit(deps, question, settled, gazetteer)];
  const unitIds = question.units.flatMap((slot) => (slot.candidates[0] ? [slot.candidates[0].id] : []));
  if (unitIds.length === 0 && question.units.length > 0) return [textReply(t('unit-not-found', { query: question.units[0]?.text ?? '' }))];
  return answerSettled(deps, chat, { ...settled, unitIds });
}

/** "UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)": a unit as a choice, with its parent so two of one name differ. */
function choiceLabel(gazetteer: Gazetteer, unit: GazetteerUnit): string {
  const parent = gazetteer.parentOf(unit);
  return parent ? `${unit.name} (${parent.name})` : unit.name;
}

/** Every way to settle the unclear names: one button a combination, each naming its units. */
function whichUnit(deps: ConversationDeps, question: Question, settled: SettledQuestion, gazetteer: Gazetteer): Reply {
  let combinations: GazetteerUnit[][] = [[]];
  for (const slot of question.units) {
    const candidates = [...slot.candidates].sort((a, b) => choiceLabel(gazetteer, a).localeCompare(choiceLabel(gazetteer, b), 'vi'));
    combinations = combinations.flatMap((chosen) => candidates.map((unit) => [...chosen, unit]));
  }
  const unclear = question.units.filter((slot) => slot.candidates.length > 1);
  const names = unclear.map((slot) => `«${slot.text}»`).join(', ');
  if (combinations.length > MAX_CHOICES) {
    return textReply(deps.t('unit-ambiguous', { query: names, candidates: unclear.flatMap((s) => s.candidates.map((u) => choiceLabel(gazetteer, u))).slice(0, MAX_CHOICES).join('; ') }));
  }
  const buttons: ReplyButton[][] = combinations.map((units) => [
    {
      label: units.filter((_, i) => (question.units[i]?.candidates.length ?? 0) > 1).map((u) => choiceLabel(gazetteer, u)).join(' – '),
      action: encodeQuestion({ ...settled, unitIds: units.map((u) => u.id) }),
    },
  ]);
  return { lines: [deps.t('unit-which', { query: names })], buttons };
}

/** A name that fits nothing: said so, with the nearest names as buttons when any is near. */
function notFound(deps: ConversationDeps, settled: SettledQuestion, name: string, gazetteer: Gazetteer): Reply {
  const near = gazetteer.near(foldWords(name), Math.max(2, Math.ceil(foldWords(name).length / 3)), NEAREST_OFFERED);
  if (near.length === 0) return textReply(deps.t('unit-not-found', { query: name }));
  return {
    lines: [deps.t('unit-not-found-near', { query: name })],
    buttons: near.map(({ unit }) => [{ label: choiceLabel(gazetteer, unit), action: encodeQuestion({ ...settled, unitIds: [unit.id] }) }]),
  };
}

/** A question whose units are chosen: from a message, or from a button. */
export async function answerSettled(deps: ConversationDeps, chat: ChatRow | undefined, q: SettledQuestion): Promise<Reply[]> {
  const { db, t } = deps;
  const named = await Promise.all(q.unitIds.map((id) => unitById(db, id)));
  if (named.some((u) => u === undefined)) return [textReply(t('unit-gone'))];
  const units = named as UnitRow[];
  const own = chat?.unitId ? ((await unitById(db, chat.unitId)) ?? null) : null;
  const periodAction = (period: string) => encodeQuestion({ ...q, period: parsePeriodKey(period) ?? q.period });
  const unit = units[0] ?? own;
  switch (q.intent) {
    case 'score':
    case 'detail':
    case 'weakest':
    case 'rank': {
      if (!unit) return [textReply(t('no-unit'))];
      if (q.intent === 'rank') return [renderStanding(t, await rankStanding(db, unit.id, q.period), periodAction)];
      const answer = await scoreCard(db, unit.id, q.period);
      if (q.intent === 'detail') return [renderDetail(t, answer, q.group, periodAction)];
      if (q.intent === 'weakest') return [renderWeakest(t, answer, periodAction)];
      return [renderScoreAnswer(t, answer, periodAction)];
    }
    case 'ranking':
      return [renderRanking(t, await rankingFor(db, unit, q.period), periodAction)];
    case 'top':
    case 'bottom': {
      // "xã nào cao nhất tỉnh Phú Thọ" names the parent; "Việt Trì có cao nhất không" a unit among its peers.
      const named = units[0] ?? null;
      const parent = named && (named.kind === 'tinh' || named.kind === 'huyen') ? named : null;
      return [renderLeaders(t, await leaders(db, { parent, around: parent ? null : (named ?? own), kind: q.unitKind, order: q.intent }, q.period), periodAction)];
    }
    case 'compare': {
      const [first, second] = units.length >= 2 ? units : [own, units[0]];
      if (!first || !second || first.id === second.id) return [textReply(t('compare-needs-two'))];
      return [renderComparison(t, await compareUnits(db, first.id, second.id, q.period), periodAction)];
    }
  }
}
