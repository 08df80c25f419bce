/** A formula in words, from the rules themselves (domain/formulas.ts): "min(6; 6 × tỷ lệ / 90%)". */
import { formatDecimal } from '../domain/format.js';
import { pointsText, type CriterionRule, type GroupRule } from '../domain/formulas.js';
import { groupName, type Framework } from '../domain/framework.js';
import type { Translate } from './i18n.js';

export function criterionName(t: Translate, framework: Framework, code: string): string {
  const named = framework.groups.flatMap((g) => g.criteria).find((c) => c.code === code)?.name;
  return named ?? (t.has(`criterion-${code}`) ? t(`criterion-${code}`) : code);
}

function slope(max: number, fullAt: number): string {
  const m = formatDecimal(pointsText(max));
  return fullAt === 1 ? `${m} × tỷ lệ` : `min(${m}; ${m} × tỷ lệ / ${formatDecimal(pointsText(fullAt * 100))}%)`;
}

export function criterionFormula(t: Translate, framework: Framework, rule: CriterionRule): string {
  const base = `${criterionName(t, framework, rule.code)} = ${slope(rule.max, rule.fullAt)}`;
  return rule.otherFullAt === undefined ? base : `${base} ${t('formula-or')} ${slope(rule.max, rule.otherFullAt)}`;
}

/** The changed sub-criterion's formula and how the group sums; for a group whose sub-criteria are not stored, the whole candidate. */
export function groupFormula(t: Translate, framework: Framework, group: GroupRule, code: string): string {
  const name = groupName(framework, group.key);
  if (!group.criteriaStored) {
    return t('formula-candidate', { group: name, sum: group.criteria.map((c) => slope(c.max, c.fullAt).replace('tỷ lệ', criterionName(t, framework, c.code))).join(' + ') });
  }
  const rule = group.criteria.find((c) => c.code === code);
  return [rule ? criterionFormula(t, framework, rule) : '', t('formula-sum', { group: name })].filter((x) => x !== '').join('; ');
}
