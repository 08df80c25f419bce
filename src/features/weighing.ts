/** Weighing a result: `/uoctinh` and its twins ("nếu số hóa lên 95% thì sao"), an estimate for one unit. */
import { textReply, type Reply } from '../messages/reply.js';
import { renderWhatIf } from '../messages/what-if.js';
import { whatIf } from '../services/what-if.js';
import type { Answers, Asked, RequestOf } from './feature.js';

async function answerWhatIf({ deps, chat, known }: Asked, { whatIf: asked }: RequestOf<'whatif'>): Promise<Reply[]> {
  const { t } = deps;
  if (asked.rate === null && asked.pointsNamed) return [textReply(t('whatif-points'))];
  if (asked.target === null || asked.rate === null) return [textReply(t('whatif-usage'))];
  if (asked.units.length > 1) return [textReply(t('whatif-one-unit'))];
  const [slot] = asked.units;
  if (slot && (slot.candidates.length > 1 || slot.loose)) {
    return [textReply(t('whatif-which-unit', { query: slot.text, candidates: slot.candidates.map((u) => u.name).join('; ') }))];
  }
  if (!slot && asked.unknownName !== null) return [textReply(t('unit-not-found', { query: asked.unknownName }))];
  const unitId = slot?.candidates[0]?.id ?? chat?.unitId ?? null;
  if (unitId === null) return [textReply(t('no-unit'))];
  return [renderWhatIf(t, await whatIf(deps.db, unitId, asked.period, asked.target, asked.rate, known.importsStamp))];
}

export const weighingFeature = {
  answers: {
    whatif: answerWhatIf,
  } satisfies Answers<'whatif'>,
};
