/**
 * The core's edit plans the pane asks for after a check — accepting, explaining, undoing,
 * marking, last year's figures, the template — as a chunk of their own: none of it is needed
 * to show a file's findings, so the page fetches it only once those are on screen.
 */
export {
  buildTemplatePlan,
  planAcceptSuggestion,
  planExplanation,
  planMarks,
  planPrevious,
  planRecalc,
  planUndo,
  planYoyFormulas,
} from '../core';
