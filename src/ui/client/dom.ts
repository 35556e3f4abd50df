/** Builds elements from text only: article and user text never become HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** `text` with the range [start, end) wrapped in <mark>, as text nodes. */
export function highlighted(text: string, start: number, end: number): Node[] {
  if (start < 0 || end <= start) return [document.createTextNode(text)];
  return [document.createTextNode(text.slice(0, start)), el('mark', { text: text.slice(start, end) }), document.createTextNode(text.slice(end))];
}

/** An element of the page by id (the page's own markup: the ids exist). */
export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
