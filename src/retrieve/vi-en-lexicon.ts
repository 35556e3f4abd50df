/**
 * A small Vietnamese → English glossary of news and policy vocabulary, used to
 * expand Vietnamese questions so that they also match English articles. The
 * default embedding model reads English only; names and numbers already match
 * once diacritics are folded.
 */
import { foldDiacritics, hasNoVietnameseMarks, isFoldedVietnameseStopword, isStopword, words } from '../analysis/index.js';

/** Folded Vietnamese phrase → its English renderings, separated by "|" ("held|takes place"). */
const GLOSSARY: Record<string, string> = {
  'tri tue nhan tao': 'artificial intelligence|AI',
  'chuyen doi so': 'digital transformation',
  'kinh te so': 'digital economy',
  'cong nghe so': 'digital technology',
  'ha tang so': 'digital infrastructure',
  'ha tang': 'infrastructure',
  'bo truong': 'minister',
  'thu tuong': 'prime minister',
  'tong bi thu': 'general secretary',
  'dai su': 'ambassador',
  'lien hop quoc': 'United Nations|UN',
  'lien hiep quoc': 'United Nations|UN',
  'tong thu ky': 'secretary-general',
  'pho tong thu ky': 'under-secretary-general',
  'dac phai vien': 'envoy',
  'khoa hoc va cong nghe': 'science and technology',
  'khoa hoc': 'science',
  'cong nghe': 'technology',
  'doi moi sang tao': 'innovation',
  'luat': 'law',
  'chien luoc': 'strategy',
  'quoc gia': 'national|country|countries',
  'chinh phu': 'government',
  'nghi quyet': 'resolution',
  'hoi nghi': 'conference|meeting',
  'hoi thao': 'workshop',
  'cuoc hop': 'meeting',
  'gap': 'met|meeting',
  'tuan le so quoc te': 'international digital week',
  'tuan le': 'week',
  'so quoc te': 'international digital',
  'dien ra': 'takes place|held|runs',
  'to chuc': 'hosted|organized|held',
  'ninh binh': 'Ninh Binh',
  'ha noi': 'Hanoi',
  'viet nam': 'Vietnam',
  'dai bieu': 'delegates',
  'dan so': 'population',
  'bang thong rong': 'broadband',
  'internet': 'internet',
  'cap quang': 'fiber-optic',
  'ho gia dinh': 'households',
  'doanh nghiep': 'enterprises|companies|businesses',
  'quy': 'fund',
  'ngan sach': 'budget',
  'dao duc': 'ethics',
  'bo quy tac': 'code',
  'tru cot': 'pillars',
  'quan tri': 'governance',
  'hop tac': 'cooperation',
  'quoc te': 'international',
  'dang ky': 'application',
  'mang luoi': 'network',
  'xuat sac': 'excellence',
  'nhan luc': 'human resources|workforce',
  'dao tao': 'training',
  'sieu may tinh': 'supercomputing',
  'du lieu': 'data',
  'an ninh mang': 'cybersecurity',
  'toi pham mang': 'cybercrime',
  'cong uoc': 'convention',
  'ky ket': 'signing',
  'tang truong': 'growth',
  'thu nhap cao': 'high income',
  'nam': 'year',
  'thang': 'month',
  'ngay': 'day',
  'tap doan': 'group|giants|corporations',
  'neu ten': 'named|singling out',
  'gia': 'price',
  'vang': 'gold',
  'phan tram': 'percent',
  'truy cap': 'access',
  'thanh vien': 'member',
  'co che': 'mechanisms',
  'nguoi': 'people',
  'thu do': 'capital',
  'dau tien': 'first',
  'moi nhat': 'latest',
  'cap nhat': 'updated|update',
  'cong bo': 'announce',
  'ban hanh': 'issue|issued',
  'chu tri': 'chaired',
  'uy ban': 'committee',
  'ban chi dao': 'steering committee',
  'tuyen ngon': 'manifesto',
  'nhan van': 'humanity|humane',
  'an toan': 'safety|safe',
  'tu chu': 'autonomy',
  'bao trum': 'inclusion',
  'ben vung': 'sustainability|sustainable',
  'chu quyen': 'sovereignty',
  'mo': 'open',
  'ma nguon mo': 'open source',
  'khoi nghiep': 'startup',
  'con rong': 'dragons',
  'nang luong hat nhan': 'nuclear power',
  'hat nhan': 'nuclear',
  'ban dan': 'semiconductor',
  'dai hoi dong': 'general assembly',
  'hoi dong khoa hoc': 'scientific panel',
  'dien dan': 'forum',
  'bai phat bieu': 'remarks|address',
  'phat bieu': 'said|stated|remarks',
  'nhan manh': 'emphasized|stressed',
  'thu nghiem': 'sandbox|pilot|test',
  'mo hinh': 'model|models',
  'nuoc dang phat trien': 'developing countries',
  'dang phat trien': 'developing',
  'tu nhan': 'private sector',
  'trung tam nghien cuu': 'research centres',
  'chi tieu': 'spending',
  'uu tien': 'prioritizing|priorities',
  // General news vocabulary: verbs, goals, economy and society.
  'dong y': 'agreed|agree',
  'thong qua': 'adopted|approved',
  'tao': 'create',
  'thanh lap': 'establish|established',
  'xay dung': 'build|building|develop',
  'phat trien': 'development|develop',
  'muc tieu': 'goal|target|aims',
  'dat muc tieu': 'aims|target',
  'dat': 'reach|achieve|set',
  'ke hoach': 'plan',
  'chuong trinh': 'programme|program',
  'du an': 'project|projects',
  'dau tu': 'investment|invest',
  'nghien cuu': 'research',
  'ung dung': 'application|applications|applied',
  'giao duc': 'education',
  'y te': 'health|healthcare',
  'thi truong': 'market|markets',
  'trong nuoc': 'domestic',
  'nuoc ngoai': 'foreign|abroad',
  'xuat khau': 'export|exports',
  'nhap khau': 'import|imports',
  'doanh thu': 'revenue',
  'cong dan': 'citizens|citizen',
  'nguoi dan': 'people|citizens',
  'the gioi': 'world|global',
  'toan cau': 'global',
  'khu vuc': 'region|regional',
  'dong nam a': 'Southeast Asia',
  'ty': 'billion',
  'trieu': 'million',
  'tro ly': 'assistant',
  'quyet dinh': 'decision|decisions|decide',
  'cuoi cung': 'final|ultimate',
  'nang suat': 'productivity',
  'tai san': 'assets',
  'cong nghiep': 'industrial|industry',
  'hien dai': 'modern',
  'nen tang': 'platform|foundation',
  'sang kien': 'initiative|initiatives',
  'ho tro': 'support',
  'rui ro': 'risk|risks',
  'minh bach': 'transparency|transparent',
  'trach nhiem': 'accountability|responsibility',
  'con nguoi': 'humans|human',
  'viec lam': 'jobs|employment',
  'lao dong': 'labour|workers',
  'ky nang': 'skills',
  'sinh vien': 'students',
  'dai hoc': 'university|universities',
  'pho cap': 'popularize',
  'tieng anh': 'English',
  'thanh pho': 'city',
  'tinh': 'province|provincial',
  'may tinh': 'computer|computers',
  'dat nuoc': 'country|nation',
  'chu tich': 'chairman|president',
  'quoc hoi': 'National Assembly',
  'lam phat': 'inflation',
  'tac gia': 'author',
  'hoc sinh': 'pupils|students',
};

/** Glossary phrases by their first word, longest first within each: a question's words are looked up, not every phrase scanned. */
const BY_FIRST_WORD = new Map<string, Array<{ phrase: string; parts: string[]; english: string }>>();
for (const [phrase, english] of Object.entries(GLOSSARY).sort((a, b) => b[0].length - a[0].length)) {
  const parts = phrase.split(' ');
  BY_FIRST_WORD.set(parts[0], [...(BY_FIRST_WORD.get(parts[0]) ?? []), { phrase, parts, english }]);
}

export interface Expansion {
  /** English equivalents of the glossary phrases found, every rendering, as one text to search. */
  english: string;
  /** Per glossary phrase found, the phrase itself and its English renderings ("diễn ra" → "dien ra", "held", "takes place"). */
  translations: string[][];
  /** The words left once those phrases and function words are taken out, as written. */
  rest: string;
}

/**
 * Glossary lookup in a Vietnamese text. Phrases are found among its words folded, so that a question typed
 * without marks finds them too. The words left are told from function words as written: folded, "Nhật"
 * (Japan) is "nhất" (most), "đầu tư" (investment) "đâu" (where) and "Đảng" (the Party) "đang".
 */
export function englishExpansion(text: string): Expansion {
  const tokens = words(text);
  const folded = tokens.map(foldDiacritics);
  const used = tokens.map(() => false);
  const found = new Map<string, string>();
  for (let i = 0; i < folded.length; i++) {
    const entry = (BY_FIRST_WORD.get(folded[i]) ?? []).find(({ parts }) => parts.every((part, k) => !used[i + k] && folded[i + k] === part));
    if (!entry) continue;
    entry.parts.forEach((_, k) => (used[i + k] = true));
    found.set(entry.phrase, entry.english);
  }
  const translations = [...found].map(([phrase, english]) => [phrase, ...english.split('|')]);
  const unmarked = hasNoVietnameseMarks(text);
  const rest = tokens.filter((word, i) => !used[i] && !(unmarked ? isFoldedVietnameseStopword(folded[i]) : isStopword(word)));
  return { english: translations.flatMap(([, ...renderings]) => renderings).join(' '), translations, rest: rest.join(' ') };
}
