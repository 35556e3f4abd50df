import { detectLanguage, hasNoVietnameseMarks, type Lang } from './language.js';
import { adjacentPairs, foldDiacritics, foldedTerms, isStopword, markedTermForm, termForm, wordsWithCapitals } from './text-folding.js';

/**
 * The index terms a question is searched under. A Vietnamese question written with marks is searched by
 * its syllables and syllable pairs as written (see markedTerms: the index holds them beside the folded
 * ones), so that "sóc" finds squirrels and not shocks ("sốc"). Its capitalized words, names mostly, are
 * searched folded, as English articles and other spellings write them ("Nguyễn Mạnh Hùng" as "Nguyen Manh
 * Hung", "Thủy" as "Thuy"). Any other question (English, or Vietnamese typed without marks) is searched by
 * its folded terms.
 */
export function searchTerms(text: string, lang: Lang = detectLanguage(text)): string[] {
  if (lang !== 'vi' || hasNoVietnameseMarks(text)) return foldedTerms(text, lang);
  const tokens = wordsWithCapitals(text);
  const terms = tokens.filter((t) => !isStopword(t.word)).map((t) => (t.capitalized ? termForm(t.word) : markedTermForm(t.word)));
  const pairs = adjacentPairs(
    tokens.map((t) => t.word),
    (i) => {
      const [a, b] = [tokens[i], tokens[i + 1]];
      const pair = `${a.word}_${b.word}`;
      return a.capitalized && b.capitalized ? foldDiacritics(pair) : markedTermForm(pair);
    },
  );
  return [...new Set([...terms, ...pairs])];
}
