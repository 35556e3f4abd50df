/**
 * British spellings read as American ones, so that "fibre-optic" meets
 * "fiber-optic" and "organisation" meets "organization". Explicit word roots
 * rather than suffix rules: "-ise" and "-our" endings are too often not
 * spelling variants ("enterprise", "promise", "hour", "tour").
 */
const IZE_ROOTS = [
  'apolog', 'author', 'capital', 'capsul', 'categor', 'central', 'character', 'civil', 'colon', 'commercial', 'commun', 'computer',
  'critic', 'custom', 'decentral', 'democrat', 'digital', 'emphas', 'energ', 'fertil', 'final', 'general', 'global', 'harmon',
  'hospital', 'human', 'immun', 'incentiv', 'industrial', 'legal', 'local', 'maxim', 'memor', 'minim', 'mobil', 'modern',
  'monopol', 'national', 'neutral', 'normal', 'optim', 'organ', 'personal', 'popular', 'priorit', 'privat', 'public', 'rational',
  'real', 'recogn', 'revolution', 'special', 'stabil', 'standard', 'subsid', 'summar', 'symbol', 'sympath', 'synchron', 'theor',
  'urban', 'util', 'visual', 'western',
].join('|');
const RE_ROOTS = 'cent|fib|met|lit|theat|calib|somb|spect|lust|manoeuv|sab|meag';

const RULES: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(`^(${IZE_ROOTS})is(e|es|ed|ing|ation|ations|er|ers)$`), '$1iz$2'],
  [/^(anal|paral|catal)ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(behavi|col|fav|hon|lab|neighb|rum|hum|harb|vap|endeav|flav|sav|arm|clam|glam|od|rig|tum|val|vig)our(s|ed|ing|able|ite|ites|er|ers|hood|hoods)?$/, '$1or$2'],
  [new RegExp(`^(${RE_ROOTS})re(s)?$`), '$1er$2'],
  [new RegExp(`^(${RE_ROOTS})red$`), '$1ered'],
  [/^(defen|offen|licen|preten)ce(s)?$/, '$1se$2'],
  [/^(program|catalog)(me|ue)(s)?$/, '$1$3'],
  [/^(travel|cancel|model|label|fuel|signal|counsel|level|channel|tunnel|marvel|total|dial|jewel|equal)l(ed|ing|er|ers)$/, '$1$2'],
];

/** The American spelling of a lower-case English word; each part of a hyphenated word is read on its own. */
export function americanSpelling(word: string): string {
  if (!word.includes('-')) return americanPart(word);
  return word.split('-').map(americanPart).join('-');
}

function americanPart(part: string): string {
  for (const [pattern, replacement] of RULES) if (pattern.test(part)) return part.replace(pattern, replacement);
  return part;
}
