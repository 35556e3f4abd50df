/** Markdown to plain lines: headings, emphasis, links and images reduced to their text. */
export function markdownToText(markdown: string): { title: string | null; text: string } {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, ''); // front matter
  const title = /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? null;
  const text = body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+(.+?)\s*#*$/gm, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])[*_]([^*_\n]+)[*_]/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*>\s?/gm, '');
  return { title, text };
}
