import { splitSentences } from '../ingest/index.js';
import { findAnswerSpan } from './answer-span.js';

/** A passage in each language, with a question for each kind of fact asked for. */
const SAMPLES: ReadonlyArray<{ lang: 'en' | 'vi'; passage: string; questions: readonly string[] }> = [
  {
    lang: 'en',
    passage: 'The new port in Hai Phong opened on October 27, 2025, Mr. Nguyen Van An said. It employs 1,200 workers and cost $45 million.',
    questions: ['When did the port open?', 'Who said the port opened?', 'Where is the new port?', 'How many workers does it employ?', 'What did the port cost?'],
  },
  {
    lang: 'vi',
    passage: 'Cảng mới tại Hải Phòng khai trương ngày 27 tháng 10 năm 2025, ông Nguyễn Văn An cho biết. Cảng có 1.200 công nhân và trị giá 45 triệu USD.',
    questions: ['Cảng khai trương khi nào?', 'Ai cho biết cảng khai trương?', 'Cảng mới ở đâu?', 'Cảng có bao nhiêu công nhân?', 'Cảng trị giá gì?'],
  },
];

/**
 * Runs the answer stage's one-time set-up on samples: ICU's sentence segmenters and the span finder's
 * regular expressions are built on first use, which made the first answer after a start take about
 * 70 ms more than the next. A server calls it while its index is still loading.
 */
export function warmUpAnswering(): void {
  for (const { lang, passage, questions } of SAMPLES) {
    for (const { start, end } of splitSentences(passage, lang)) {
      for (const question of questions) findAnswerSpan(question, passage.slice(start, end), lang);
    }
  }
}
