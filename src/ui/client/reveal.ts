/**
 * Scrolls the conversation so that the newest exchange is in view: the question and its answer
 * when both fit, otherwise the top of the answer. The conversation is its own scroll area above
 * the question box, so nothing it shows can end up under that box.
 */
export function revealNewest(scroller: HTMLElement, question: HTMLElement | null, answer: HTMLElement): void {
  const view = scroller.getBoundingClientRect();
  const a = answer.getBoundingClientRect();
  const q = question?.getBoundingClientRect();
  const gap = 8;
  const top = q && a.bottom - q.top + 2 * gap <= view.height ? q.top : a.top;
  scroller.scrollTop += top - view.top - gap;
}
