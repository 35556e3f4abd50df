/**
 * A small Vietnamese → English glossary of news and policy vocabulary, used to
 * expand Vietnamese questions so that they also match English articles. The
 * default embedding model reads English only; names and numbers already match
 * once diacritics are folded.
 */
const GLOSSARY: Record<string, string> = {
  'tri tue nhan tao': 'artificial intelligence AI',
  'chuyen doi so': 'digital transformation',
  'kinh te so': 'digital economy',
  'cong nghe so': 'digital technology',
  'ha tang so': 'digital infrastructure',
  'ha tang': 'infrastructure',
  'bo truong': 'minister',
  'thu tuong': 'prime minister',
  'tong bi thu': 'general secretary',
  'dai su': 'ambassador',
  'lien hop quoc': 'United Nations UN',
  'lien hiep quoc': 'United Nations UN',
  'tong thu ky': 'secretary-general',
  'pho tong thu ky': 'under-secretary-general',
  'dac phai vien': 'envoy',
  'khoa hoc va cong nghe': 'science and technology',
  'khoa hoc': 'science',
  'cong nghe': 'technology',
  'doi moi sang tao': 'innovation',
  'luat': 'law',
  'chien luoc': 'strategy',
  'quoc gia': 'national',
  'chinh phu': 'government',
  'nghi quyet': 'resolution',
  'hoi nghi': 'conference meeting',
  'hoi thao': 'workshop',
  'cuoc hop': 'meeting',
  'gap': 'met meeting',
  'tuan le so quoc te': 'international digital week',
  'tuan le': 'week',
  'so quoc te': 'international digital',
  'dien ra': 'takes place held runs',
  'to chuc': 'hosted organized held',
  'ninh binh': 'Ninh Binh',
  'ha noi': 'Hanoi',
  'viet nam': 'Vietnam',
  'dai bieu': 'delegates',
  'dan so': 'population',
  'bang thong rong': 'broadband',
  'internet': 'internet',
  'cap quang': 'fiber-optic',
  'ho gia dinh': 'households',
  'doanh nghiep': 'enterprises companies businesses',
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
  'nhan luc': 'human resources workforce',
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
  'tap doan': 'group giants corporations',
  'neu ten': 'named singling out',
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
  'cap nhat': 'updated update',
  'cong bo': 'announce',
  'ban hanh': 'issue issued',
  'chu tri': 'chaired',
  'uy ban': 'committee',
  'ban chi dao': 'steering committee',
  'tuyen ngon': 'manifesto',
  'nhan van': 'humanity humane',
  'an toan': 'safety safe',
  'tu chu': 'autonomy',
  'bao trum': 'inclusion',
  'ben vung': 'sustainability sustainable',
  'chu quyen': 'sovereignty',
  'mo': 'open',
  'ma nguon mo': 'open source',
  'khoi nghiep': 'startup',
  'dong': 'dragons',
  'nang luong hat nhan': 'nuclear power',
  'hat nhan': 'nuclear',
  'ban dan': 'semiconductor',
  'dai hoi dong': 'general assembly',
  'hoi dong khoa hoc': 'scientific panel',
  'dien dan': 'forum',
  'bai phat bieu': 'remarks address',
  'phat bieu': 'said stated remarks',
  'nhan manh': 'emphasized stressed',
  'thu nghiem': 'sandbox pilot test',
  'mo hinh': 'model models',
  'nuoc dang phat trien': 'developing countries',
  'dang phat trien': 'developing',
  'tu nhan': 'private sector',
  'trung tam nghien cuu': 'research centres',
  'chi tieu': 'spending',
  'uu tien': 'prioritizing priorities',
};

const ENTRIES = Object.entries(GLOSSARY).sort((a, b) => b[0].length - a[0].length);

export interface Expansion {
  /** English equivalents of the glossary phrases found. */
  english: string;
  /** What is left of the text once those phrases are taken out. */
  rest: string;
}

/** Glossary lookup in a (diacritic-folded, lower-cased) Vietnamese text. */
export function englishExpansion(foldedText: string): Expansion {
  let rest = ` ${foldedText.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const found: string[] = [];
  for (const [phrase, english] of ENTRIES) {
    const needle = ` ${phrase} `;
    if (!rest.includes(needle)) continue;
    found.push(english);
    rest = rest.split(needle).join(' ');
  }
  return { english: found.join(' '), rest: rest.trim() };
}
