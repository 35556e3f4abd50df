/** The server's limit on a question (AskRequestSchema): longer questions are refused, not cut. */
export const MAX_QUESTION_CHARS = 2000;

/** Shows "n / 2000" under the box, and says by how much a question is too long. Returns whether it fits. */
export function watchLength(input: HTMLTextAreaElement, counter: HTMLElement): () => boolean {
  const update = () => {
    const length = input.value.trim().length;
    const over = length - MAX_QUESTION_CHARS;
    counter.textContent = over > 0 ? `${length} / ${MAX_QUESTION_CHARS}: ${over} too many` : `${length} / ${MAX_QUESTION_CHARS}`;
    counter.classList.toggle('over', over > 0);
    input.setAttribute('aria-invalid', String(over > 0));
    return over <= 0;
  };
  input.addEventListener('input', update);
  update();
  return update;
}
