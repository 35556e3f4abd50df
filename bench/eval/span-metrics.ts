/** SQuAD-style scoring of answer spans: exact match and token F1 against an accepted answer. */

type Lang = 'en' | 'vi';

/** SQuAD normalization: lower case, no punctuation, no English articles, single spaces. */
export function normalize(text: string, lang: Lang): string {
  let t = text.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ');
  if (lang === 'en') t = t.replace(/\b(a|an|the)\b/g, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

export function f1(prediction: string, answer: string, lang: Lang): number {
  const p = normalize(prediction, lang).split(' ').filter(Boolean);
  const g = normalize(answer, lang).split(' ').filter(Boolean);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of g) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of p) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export function exact(prediction: string, answer: string, lang: Lang): number {
  return normalize(prediction, lang) === normalize(answer, lang) ? 1 : 0;
}

