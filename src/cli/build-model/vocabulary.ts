import type { Vocabulary } from './tokenizer-export.js';

/**
 * The teacher's vocab.json has broken scores for a few pieces containing ":"
 * (null, 0 or +30, a conversion slip upstream). Pieces are sorted by score,
 * so a broken score is replaced by the mean of its nearest valid neighbours.
 */
export function repairScores(vocab: Vocabulary, reserved: number): Vocabulary {
  const valid = (i: number) => i >= reserved && i < vocab.length && isValidScore(vocab[i][1]);
  return vocab.map(([piece, score], i) => {
    if (i < reserved || isValidScore(score)) return [piece, score] as const;
    let before = i - 1;
    while (before >= reserved && !valid(before)) before--;
    let after = i + 1;
    while (after < vocab.length && !valid(after)) after++;
    const neighbours = [before, after].filter(valid).map((j) => vocab[j][1]);
    const repaired = neighbours.length > 0 ? neighbours.reduce((a, b) => a + b, 0) / neighbours.length : -20;
    return [piece, repaired] as const;
  });
}

function isValidScore(score: unknown): score is number {
  return typeof score === 'number' && Number.isFinite(score) && score < 0;
}
