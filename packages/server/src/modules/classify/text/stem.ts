// English words reduced to a common stem, so that 'roasted', 'roasting' and 'roast', or 'installation' and
// 'installing', meet: British spellings first made American (the Nice list uses both), then the suffix
// rules of M. F. Porter's algorithm (1980), with a few words kept whole where a stem would merge two
// different things ('clothing' is not 'cloth', 'training' not 'train', 'booking' not 'book').

const SPELLING: Record<string, string> = {
  aluminium: 'aluminum', jewellery: 'jewelry', jeweller: 'jeweler', jewellers: 'jewelers', tyre: 'tire', tyres: 'tires',
  grey: 'gray', mould: 'mold', moulds: 'molds', moulded: 'molded', moulding: 'molding', mouldings: 'moldings', plough: 'plow', ploughs: 'plows',
  pyjamas: 'pajamas', programme: 'program', programmes: 'programs', catalogue: 'catalog', catalogues: 'catalogs', dialogue: 'dialog',
  analogue: 'analog', cheque: 'check', cheques: 'checks', storey: 'story', kerb: 'curb', draught: 'draft', sulphur: 'sulfur',
  sulphate: 'sulfate', sulphates: 'sulfates', sulphuric: 'sulfuric', paediatric: 'pediatric', orthopaedic: 'orthopedic', anaesthetic: 'anesthetic',
  anaesthetics: 'anesthetics', haemorrhoid: 'hemorrhoid', oesophagus: 'esophagus', faeces: 'feces', foetal: 'fetal', ageing: 'aging',
  axe: 'ax', axes: 'axes', doughnut: 'donut', doughnuts: 'donuts', manoeuvre: 'maneuver', practise: 'practice', licence: 'license',
  licences: 'licenses', defence: 'defense', offence: 'offense', pretence: 'pretense', travelling: 'traveling', travelled: 'traveled', traveller: 'traveler',
  travellers: 'travelers', labelling: 'labeling', labelled: 'labeled', modelling: 'modeling', jewelled: 'jeweled', cancelled: 'canceled',
  fuelled: 'fueled', woollen: 'woolen', woollens: 'woolens', nappy: 'diaper', nappies: 'diapers', whisky: 'whiskey', yoghurt: 'yogurt',
  yoghurts: 'yogurts', yoghourt: 'yogurt', cosy: 'cozy', cosies: 'cozies', mum: 'mom', mums: 'moms', carer: 'caregiver', carers: 'caregivers',
  colour: 'color', colours: 'colors', coloured: 'colored', colouring: 'coloring', colourings: 'colorings', colourants: 'colorants',
};

// -re for -er (centre, fibre), -our for -or (colour, flavour), -ise for -ize (organise), -yse for -yze (analyse).
const RE_WORDS = new Set(['centre', 'fibre', 'metre', 'litre', 'theatre', 'calibre', 'sabre', 'lustre', 'meagre', 'sombre', 'titre', 'spectre', 'manoeuvre', 'sceptre', 'lacklustre', 'kilometre', 'millimetre', 'centimetre', 'decilitre', 'millilitre', 'kilolitre']);
const OUR_KEEP = /^(f|p|t|h|y|s|d|fl|sc|dev|det|cont|vel|am|glam|tamb|trouba|param)$/;
const ISE_KEEP = /(advert|exerc|franch|merchand|expert|surpr|compr|superv|telev|improv|disgu|chast|desp|prem|prom|prec|conc|paradi|appra|circumc|treat|chem|repr|mort|torto|porpo|turquo|enterpr|sunr|surm|marqu|w)$/;

function americanSpelling(w: string): string {
  const s = SPELLING[w];
  if (s) return s;
  if (RE_WORDS.has(w)) return `${w.slice(0, -2)}er`;
  if (w.endsWith('s') && RE_WORDS.has(w.slice(0, -1))) return `${w.slice(0, -3)}ers`;
  let m = /^(.+?)our(s|ed|ing|ings|ful|less|ite|ites|y)?$/.exec(w);
  if (m && !OUR_KEEP.test(m[1])) return `${m[1]}or${m[2] ?? ''}`;
  m = /^(.+)is(e|es|ed|ing|er|ers|ation|ations)$/.exec(w);
  if (m && m[1].length >= 4 && !ISE_KEEP.test(m[1])) return `${m[1]}iz${m[2]}`;
  m = /^(.+)ys(e|es|ed|ing|er|ers)$/.exec(w);
  if (m && /(anal|paral|catal|dial|electrol|hydrol)$/.test(m[1])) return `${m[1]}yz${m[2]}`;
  return w;
}

/** Words kept whole, or given the stem another form of them would otherwise miss. */
const PROTECTED: Record<string, string> = {
  clothing: 'clothing', clothes: 'clothing', training: 'training', trainings: 'training', booking: 'booking', bookings: 'booking',
  bedding: 'bedding', dressing: 'dressing', dressings: 'dressing', fishing: 'fishing', painting: 'painting', paintings: 'painting',
  gardener: 'gardener', gardeners: 'gardener', programming: 'programming', coating: 'coating', coatings: 'coating', news: 'news', organic: 'organic', organically: 'organic', organism: 'organism', organisms: 'organism', glasses: 'glasses',
  spectacles: 'spectacles', goods: 'goods', wares: 'wares', species: 'species', series: 'series', jeans: 'jeans', lens: 'lens',
  lenses: 'lens', gas: 'gas', gases: 'gas', bus: 'bus', buses: 'bus', canvas: 'canvas', physics: 'physics', textiles: 'textil',
  textile: 'textil', spirits: 'spirits', arts: 'art', crafts: 'craft', rental: 'rental', rentals: 'rental', renting: 'rental',
  hiring: 'hire', hire: 'hire', shipping: 'shipping', housing: 'housing', dating: 'dating', catering: 'catering', caterer: 'catering',
  caterers: 'catering', clothier: 'clothing', university: 'university', universities: 'university', universal: 'universal', general: 'general',
  generator: 'generator', generators: 'generator', generation: 'generation', hosting: 'hosting', host: 'host', hostel: 'hostel', hostels: 'hostel',
  printer: 'printer', printers: 'printer', computer: 'computer', computers: 'computer', flooring: 'flooring', roofing: 'roofing',
  ceiling: 'ceiling', ceilings: 'ceiling', lodging: 'lodging', lodgings: 'lodging', racing: 'racing', riding: 'riding', sporting: 'sport',
  swimming: 'swimming', skiing: 'skiing', diving: 'diving', sewing: 'sewing', knitting: 'knitting', baking: 'baking', wedding: 'wedding',
  weddings: 'wedding', pudding: 'pudding', puddings: 'pudding', stuffing: 'stuffing', icing: 'icing', frosting: 'frosting', filling: 'filling',
  fillings: 'filling', seasoning: 'seasoning', seasonings: 'seasoning', building: 'building', buildings: 'building', lighting: 'lighting',
  heating: 'heating', plumbing: 'plumbing', parking: 'parking', camping: 'camping', banking: 'banking', marketing: 'marketing',
  advertising: 'advertising', accounting: 'accounting', bookkeeping: 'bookkeeping', engineering: 'engineering', nursing: 'nursing',
  teaching: 'teaching', tutoring: 'tutoring', coaching: 'coaching', consulting: 'consulting', consultancy: 'consulting', counselling: 'counseling',
  counseling: 'counseling', packaging: 'packaging', recording: 'recording', recordings: 'recording', screening: 'screening',
  broadcasting: 'broadcasting', publishing: 'publishing', shopping: 'shopping', trading: 'trading', cooking: 'cooking', cleaning: 'cleaning',
  washing: 'washing', grooming: 'grooming', gardening: 'gardening', farming: 'farming', mining: 'mining', welding: 'welding',
  photography: 'photograph', photographic: 'photograph', photographing: 'photograph', photographer: 'photograph', photographers: 'photograph',
  delivery: 'deliver', deliveries: 'deliver', delivering: 'deliver', deliver: 'deliver', delivered: 'deliver',
  teacher: 'teaching', teachers: 'teaching', cosmetic: 'cosmet', cosmetics: 'cosmet', wine: 'wine', wines: 'wine',
};

const isCons = (w: string, i: number): boolean => {
  const c = w[i];
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 ? true : !isCons(w, i - 1);
  return true;
};
/** Porter's m: the number of vowel-consonant sequences in the stem. */
function measure(s: string): number {
  let n = 0; let i = 0; const len = s.length;
  while (i < len && isCons(s, i)) i++;
  while (i < len) {
    while (i < len && !isCons(s, i)) i++;
    if (i >= len) break;
    n++;
    while (i < len && isCons(s, i)) i++;
  }
  return n;
}
const hasVowel = (s: string) => { for (let i = 0; i < s.length; i++) if (!isCons(s, i)) return true; return false; };
const doubleCons = (s: string) => s.length >= 2 && s[s.length - 1] === s[s.length - 2] && isCons(s, s.length - 1);
/** consonant-vowel-consonant at the end, the last not w, x or y. */
const cvc = (s: string) => {
  const n = s.length;
  if (n < 3) return false;
  if (!isCons(s, n - 1) || isCons(s, n - 2) || !isCons(s, n - 3)) return false;
  return !'wxy'.includes(s[n - 1]);
};

const STEP2: [string, string][] = [['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'],
  ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log']];
const STEP3: [string, string][] = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

function porter(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) { /* kept */ } else if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Step 1b: -eed, -ed, -ing.
  let again = false;
  if (w.endsWith('eed')) { if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1); } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) { w = w.slice(0, -2); again = true; } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) { w = w.slice(0, -3); again = true; }
  if (again) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleCons(w) && !'lsz'.includes(w[w.length - 1])) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  // Step 1c.
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  // Steps 2 and 3: derivational suffixes.
  for (const [suf, rep] of STEP2) if (w.endsWith(suf)) { const s = w.slice(0, -suf.length); if (measure(s) > 0) w = s + rep; break; }
  for (const [suf, rep] of STEP3) if (w.endsWith(suf)) { const s = w.slice(0, -suf.length); if (measure(s) > 0) w = s + rep; break; }
  // Step 4: suffixes removed from longer stems.
  for (const suf of STEP4) {
    if (!w.endsWith(suf)) continue;
    const s = w.slice(0, -suf.length);
    if (measure(s) > 1 && (suf !== 'ion' || /[st]$/.test(s))) w = s;
    break;
  }
  // Step 5: a final e; a double l.
  if (w.endsWith('e')) { const s = w.slice(0, -1); const m = measure(s); if (m > 1 || (m === 1 && !cvc(s))) w = s; }
  if (measure(w) > 1 && doubleCons(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}

const cache = new Map<string, string>();

/** The stem of one folded English word. Digits and words of other scripts are returned as they are. */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let out: string;
  if (!/^[a-z]+$/.test(word)) out = word;
  else {
    const w = americanSpelling(word);
    out = PROTECTED[w] ?? (/^organi[sz]/.test(w) ? 'organiz' : porter(w));
  }
  if (cache.size < 200_000) cache.set(word, out);
  return out;
}
