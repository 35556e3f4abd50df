/**
 * Questions an article can answer, built from its title and its first sentence. They are only
 * candidates: the suggestions keep those the engine answers with a citation into the article.
 */

const PERSON_WORDS = /\b(minister|president|secretary|ambassador|envoy|chair(man|woman)?|director|governor|mayor|official|officials|ceo|leader|prime|premier|spokes(man|woman|person)|professor|prof\.|dr\.|mr\.|ms\.|mrs\.)\b/i;
const ADVERB = /^[a-z]+ly$/;
const LOWER_WORD = /^[a-z][a-z'’-]*$/;
const MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** "X opened Y" → "What opened Y?", "Minister X met Y" → "Who met Y?": the subject becomes the question word. */
export function subjectQuestion(sentence: string): string | null {
  const words = clean(sentence).split(' ');
  const at = words.findIndex((w, i) => i > 0 && LOWER_WORD.test(w) && !isSubjectFiller(w));
  if (at < 1 || words.length - at < 3) return null;
  const subject = words.slice(0, at).join(' ');
  const verbAt = ADVERB.test(words[at]) && words[at + 1] && LOWER_WORD.test(words[at + 1]) ? at + 1 : at;
  if (!/(s|ed)$/.test(words[verbAt])) return null; // "lauds", "opened": a verb that agrees with a singular subject
  const rest = words.slice(at).join(' ');
  return `${PERSON_WORDS.test(subject) ? 'Who' : 'What'} ${rest}?`;
}

/** "Vietnam to announce its AI strategy" → "When will Vietnam announce its AI strategy?" */
export function whenWillQuestion(title: string): string | null {
  const match = /^(.{3,80}?) to ([A-Za-z]+) (.{3,})$/.exec(clean(title));
  if (!match) return null;
  return `When will ${match[1]} ${match[2].toLowerCase()} ${match[3]}?`;
}

/** A dated first sentence: "When <its subject and verb, past tense>?" is not reliably writable, so the date is asked of the title. */
export function whenQuestion(title: string, lead: string): string | null {
  if (!MONTH.test(lead) && !/\b(this|last) (morning|week|month|year)\b|\btoday\b|\byesterday\b/i.test(lead)) return null;
  return `When did this happen: ${clean(title)}?`;
}

export const whatHappenedQuestion = (title: string) => `What happened: ${clean(title)}?`;

/** The article's first sentence after its title line. */
export function leadSentence(title: string, text: string): string {
  let body = text.trim();
  if (body.startsWith(title)) body = body.slice(title.length);
  const paragraphs = body.split(/\n+/).map((p) => p.trim()).filter((p) => p.split(' ').length >= 8);
  const first = paragraphs[0] ?? '';
  const end = /[.!?](\s|$)/.exec(first);
  return (end ? first.slice(0, end.index) : first).slice(0, 300);
}

/** Candidate questions for one article, best first. */
export function candidateQuestions(title: string, text: string): string[] {
  const lead = leadSentence(title, text);
  const found = [whenWillQuestion(title), subjectQuestion(title), subjectQuestion(lead), whenQuestion(title, lead), whatHappenedQuestion(title)];
  return [...new Set(found.filter((q): q is string => q !== null && q.length <= 200))];
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/[.!?:;,]+$/, '');
const isSubjectFiller = (word: string) => ['of', 'and', 'the', 'for', 'de', 'van', 'von'].includes(word);
