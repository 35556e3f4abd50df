/** Markdown (front matter already removed) to plain lines: headings, emphasis, links and images reduced to their text. */
export function markdownToText(markdown: string): { title: string | null; text: string } {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? null;
  const text = markdown
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
