import { hasNoVietnameseMarks, type Lang } from './language.js';
import { foldDiacritics } from './text-folding.js';

/**
 * A pattern over questions that names Vietnamese words ("khi nào", "ở đâu"). A Vietnamese question typed
 * without marks ("khi nao", "o dau") is read by the pattern's folded form. Only then: folded, the Vietnamese
 * words would match English ones ("mấy" and "may", "đó" and "do") and other Vietnamese ones ("đâu" and "đầu").
 */
export class QuestionPattern {
  private readonly unmarked: RegExp;

  /** `unmarked`: the folded form, when the marked one folded would be ambiguous ("mấy" and "máy" are both "may"). */
  constructor(
    readonly marked: RegExp,
    unmarked?: RegExp,
  ) {
    this.unmarked = unmarked ?? new RegExp(foldDiacritics(marked.source), marked.flags);
  }

  /** The form of the pattern that reads this question. */
  for(question: string, lang: Lang): RegExp {
    return lang === 'vi' && hasNoVietnameseMarks(question) ? this.unmarked : this.marked;
  }

  test(question: string, lang: Lang): boolean {
    return this.for(question, lang).test(question);
  }
}
