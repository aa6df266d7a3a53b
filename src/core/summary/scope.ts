/**
 * Whether an explanation (说明) says the figure moved because its statistical scope or
 * definition changed (统计口径调整, 统计范围扩大, a new counting method). Such a change is not a
 * change in the work, so the summary does not headline it among the largest rises and falls
 * and does not call it a rise or a fall; it says the figure is not comparable, with the
 * explanation. The words are data (SCOPE_CHANGE_WORDS in i18n/summary.ts): a clause of the
 * explanation that holds a term and none of the negations (口径未变, 与上年口径一致).
 */
import { SCOPE_CHANGE_WORDS } from '../i18n/summary';

export function isScopeChange(explanation: string | undefined): boolean {
  if (!explanation) return false;
  const clauses = explanation.toLowerCase().split(/[，。；;,.!?！？、\n]+/);
  return clauses.some(
    (c) => SCOPE_CHANGE_WORDS.terms.some((t) => c.includes(t)) && !SCOPE_CHANGE_WORDS.negations.some((n) => c.includes(n)),
  );
}
