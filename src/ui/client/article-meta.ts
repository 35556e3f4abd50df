/** "Source · date · 3 passages", saying so when the source or date is not stated. */
export function articleMeta(doc: { source: string | null; published: string | null; passages?: number }): string {
  const parts = [doc.source ?? 'source not stated', doc.published ?? 'no date'];
  if (doc.passages !== undefined) parts.push(`${doc.passages} passage${doc.passages === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
