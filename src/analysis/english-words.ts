import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * The English dictionary's words (the `word-list` package: about 274,000 lower-case words, one per
 * line, in order), kept as the file's one string and where each line starts, searched by bisection:
 * about 4 MB, where a Set of the same words takes about 20 MB. Read on first use.
 */
class WordList {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    /** Lines out of order in the file (two in version 4.1), which bisection would miss. */
    private readonly unordered: ReadonlySet<string>,
  ) {}

  static read(path: string): WordList {
    const text = readFileSync(path, 'utf8');
    const starts: number[] = [];
    const unordered = new Set<string>();
    let previous = '';
    for (let start = 0; start < text.length; ) {
      const end = lineEnd(text, start);
      const word = text.slice(start, end);
      if (word !== '') {
        if (word <= previous) unordered.add(word);
        else {
          starts.push(start);
          previous = word;
        }
      }
      start = end + 1;
    }
    return new WordList(text, Int32Array.from(starts), unordered);
  }

  has(word: string): boolean {
    if (this.unordered.has(word)) return true;
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = this.starts[middle];
      const found = this.text.slice(start, lineEnd(this.text, start));
      if (found === word) return true;
      if (found < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

let words: WordList | undefined;

/** Whether the English dictionary has the (lower-case) word. */
export function isEnglishWord(word: string): boolean {
  words ??= WordList.read(wordListPath);
  return words.has(word);
}
