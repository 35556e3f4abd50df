/** The two languages the project reads: articles and questions are English or Vietnamese. */
export type Lang = 'en' | 'vi';

const VI_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/giu;

/** Vietnamese when its distinctive letters make up more than 4% of the letters. */
export function detectLanguage(text: string): Lang {
  const sample = text.slice(0, 5000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const vietnamese = sample.match(VI_LETTERS)?.length ?? 0;
  return letters > 0 && vietnamese / letters > 0.04 ? 'vi' : 'en';
}
