/** The "not in the articles" message, in the question's language. */
export function notAnsweredText(lang: 'en' | 'vi', markers: string): string {
  if (lang === 'vi') {
    return markers
      ? `Các bài báo không chứa câu trả lời cho câu hỏi này. Những đoạn gần nhất: ${markers}.`
      : 'Các bài báo không chứa câu trả lời cho câu hỏi này.';
  }
  return markers
    ? `The articles do not contain an answer to this question. The closest passages are ${markers}.`
    : 'The articles do not contain an answer to this question.';
}
