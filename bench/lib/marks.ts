// Invented word marks the way a national register looks: coined words built from the syllables of
// several languages, dictionary words and their compounds, two- and three-word marks with descriptive
// parts (LABS, FOODS, & CO ...), families of marks under a house mark, marks with numbers, personal
// names, and some marks in Cyrillic, Greek, Chinese and Arabic script; each with 1-3 Nice classes
// drawn from the distribution of a real office (9, 35, 42, 41, 25 ... most often, related classes
// together). Deterministic from a seed. Texts named in `exclude` (the marks of an evaluation set) are
// never produced: a draw that normalises to one of them is drawn again.
import { CODAS, GIVEN, ONSETS, SURNAMES, VOWELS, WORDS, rng, type Rng } from './payloads.ts';

export type Script = 'latin' | 'cyrillic' | 'greek' | 'han' | 'arabic';
export type Shape = 'coined' | 'coined+descriptive' | 'word' | 'two-words' | 'word+descriptive' | 'phrase' | 'house' | 'number' | 'name' | 'compound' | 'script';

export interface SyntheticMark { text: string; classes: number[]; script: Script; shape: Shape }

/** The form two texts are compared in to tell whether they are the same mark: case, accents, punctuation and spacing ignored. */
export function normaliseMark(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------
// Syllables of several languages (the generic set of payloads.ts first): coined words sound Italian,
// Spanish, German, French, Japanese, Greek, Slavic, or like the made-up words of technology brands.

interface Flavour { onsets: readonly string[]; vowels: readonly string[]; codas: readonly string[]; weight: number }
const FLAVOURS: Flavour[] = [
  { onsets: ONSETS, vowels: VOWELS, codas: CODAS, weight: 5 },
  { onsets: ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'gi', 'chi', 'sc', 'br', 'tr', 'st'], vowels: ['a', 'e', 'i', 'o', 'ia', 'io'], codas: ['', '', 'o', 'a', 'ino', 'etta', 'ello', 'ini', 'one', 'elli'], weight: 3 },
  { onsets: ['b', 'c', 'd', 'f', 'g', 'j', 'l', 'll', 'm', 'n', 'p', 'r', 's', 't', 'v', 'gu', 'qu', 'ch'], vowels: ['a', 'e', 'i', 'o', 'u', 'ue', 'ie'], codas: ['', 'o', 'a', 'ez', 'ito', 'ada', 'ero', 'al', 'on'], weight: 3 },
  { onsets: ['b', 'br', 'd', 'f', 'g', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'pf', 'r', 's', 'sch', 'st', 't', 'w', 'z'], vowels: ['a', 'e', 'i', 'o', 'u', 'ei', 'au', 'ie', 'ä', 'ü'], codas: ['', 'er', 'en', 'berg', 'mann', 'ing', 'hof', 'tal', 'stein', 'feld'], weight: 2 },
  { onsets: ['b', 'ch', 'd', 'f', 'l', 'm', 'p', 'r', 's', 'v', 'gr', 'cl', 'bl', 'tr'], vowels: ['a', 'e', 'i', 'o', 'ou', 'eau', 'ai', 'é'], codas: ['', 'ette', 'ier', 'eau', 'on', 'elle', 'ine', 'ais', 'ac'], weight: 2 },
  { onsets: ['k', 's', 't', 'n', 'h', 'm', 'y', 'r', 'w', 'sh', 'ch', 'ts', 'g', 'z', 'b'], vowels: ['a', 'i', 'u', 'e', 'o'], codas: ['', '', '', 'n'], weight: 1 },
  { onsets: ['th', 'ph', 'k', 'l', 'm', 'n', 'p', 'x', 'z', 'd', 'str', 'chr'], vowels: ['a', 'e', 'i', 'o', 'y'], codas: ['os', 'is', 'a', 'on', 'ia', 'eon', 'ikos'], weight: 1 },
  { onsets: ['k', 'z', 'sl', 'pr', 'dr', 'v', 'br', 'ch', 'zh', 'm', 'r', 'l', 'b'], vowels: ['a', 'e', 'i', 'o', 'u', 'ya'], codas: ['', 'ov', 'ka', 'ek', 'ina', 'ski', 'ava', 'ich'], weight: 1 },
  { onsets: ['z', 'x', 'v', 'n', 'l', 'qu', 'tr', 'c', 'k', 'syn', 'omn', 'vel', 'cor', 'lum'], vowels: ['a', 'e', 'i', 'o', 'y'], codas: ['ix', 'ex', 'ora', 'ium', 'ify', 'ly', 'eon', 'ica', 'io', 'ara', 'ent', 'iva'], weight: 3 },
];
const FLAVOUR_TOTAL = FLAVOURS.reduce((a, f) => a + f.weight, 0);

// Dictionary words, English first and most common, then other languages: the first of a list are
// drawn most often (registers repeat GOLD, STAR and BLUE far more than most words).
const DICTIONARY = [
  'GOLD', 'STAR', 'BLUE', 'GREEN', 'SUN', 'ROYAL', 'PRIME', 'NATURE', 'SMART', 'PURE', 'FRESH', 'HAPPY', 'MAGIC', 'ALPHA', 'NOVA', 'WILD', 'URBAN',
  'GOLDEN', 'SILVER', 'RED', 'BLACK', 'WHITE', 'ORANGE', 'OCEAN', 'RIVER', 'MOUNTAIN', 'FOREST', 'OAK', 'PINE', 'CEDAR', 'MAPLE', 'LOTUS', 'ROSE', 'LILY',
  'ATLAS', 'APEX', 'ARROW', 'ANCHOR', 'AURORA', 'AZURE', 'BEACON', 'BEAR', 'BIRCH', 'BLOOM', 'BOLD', 'BRAVE', 'BRIGHT', 'BROOK', 'CANYON', 'CITRUS',
  'CLOUD', 'CLOVER', 'COMET', 'CORAL', 'CROWN', 'DAWN', 'DIAMOND', 'DREAM', 'EAGLE', 'ECHO', 'EDEN', 'ELEMENT', 'EMBER', 'EMERALD', 'EVEREST', 'FALCON',
  'FEATHER', 'FERN', 'FIRE', 'FJORD', 'FLAME', 'FOX', 'FUSION', 'GALAXY', 'GARDEN', 'GEM', 'GLACIER', 'GLOBE', 'GRACE', 'GRANITE', 'HARBOR', 'HARMONY',
  'HAVEN', 'HAWK', 'HERITAGE', 'HONEY', 'HORIZON', 'IRIS', 'IRON', 'IVORY', 'JADE', 'JASMINE', 'JEWEL', 'JOY', 'JUNGLE', 'KEY', 'KING', 'KNIGHT', 'LAGOON',
  'LAKE', 'LEGACY', 'LEGEND', 'LEMON', 'LIBERTY', 'LIGHT', 'LINK', 'LION', 'LUNAR', 'MARBLE', 'MEADOW', 'MERIDIAN', 'MINT', 'MIRROR', 'MOSAIC', 'NECTAR',
  'NEST', 'NOBLE', 'NORTHERN', 'OASIS', 'OLIVE', 'OMEGA', 'ONYX', 'ORBIT', 'ORCHID', 'PALM', 'PANDA', 'PANTHER', 'PARADISE', 'PEARL', 'PEPPER', 'PHOENIX',
  'PILOT', 'PIONEER', 'PIXEL', 'PLANET', 'PLUM', 'POLAR', 'PRISM', 'PULSE', 'QUEST', 'RADIANT', 'RAINBOW', 'RAVEN', 'REEF', 'RIDGE', 'ROCKET', 'SAFFRON',
  'SAGE', 'SAPPHIRE', 'SCARLET', 'SHADOW', 'SHORE', 'SIERRA', 'SIGNAL', 'SOLID', 'SONIC', 'SPARK', 'SPIRIT', 'SPRING', 'SPRUCE', 'STONE', 'STORM',
  'SUMMIT', 'SUNRISE', 'SWAN', 'SWIFT', 'TANGO', 'THUNDER', 'TIDE', 'TIGER', 'TIMBER', 'TITAN', 'TOPAZ', 'TRAIL', 'TRUE', 'TULIP', 'TUNDRA', 'TWIN',
  'UNITY', 'VALLEY', 'VELVET', 'VENTURE', 'VERTEX', 'VIOLET', 'VISION', 'VIVID', 'VOYAGE', 'WAVE', 'WILLOW', 'WINTER', 'WISDOM', 'ZEN', 'ZENITH', 'ZEST',
  'LITTLE', 'BIG', 'GRAND', 'OLD', 'NEW', 'FIRST', 'HOME', 'DAILY', 'SIMPLE', 'CLEVER', 'GENTLE', 'HONEST', 'LUCKY', 'MIGHTY', 'QUIET', 'SWEET', 'WARM',
  'SOLE', 'LUNA', 'STELLA', 'BELLA', 'ORO', 'MARE', 'TERRA', 'VITA', 'AMORE', 'DOLCE', 'ROSSO', 'BIANCO', 'NERO', 'CASA', 'SOL', 'CIELO', 'FUEGO', 'LUZ',
  'AGUA', 'PLATA', 'TIERRA', 'MAR', 'ESTRELLA', 'SOLEIL', 'ETOILE', 'LUMIERE', 'MAISON', 'JARDIN', 'BLEU', 'ROUGE', 'BELLE', 'PETIT', 'STERN', 'SONNE',
  'BERG', 'WALD', 'HIMMEL', 'BLITZ', 'KRONE', 'ADLER', 'GLUCK', 'ZAUBER', 'FREUND', 'NORD', 'SOLNA', 'FJELL', 'HAVET', 'LUMO', 'SAKURA', 'KAZE', 'YAMA',
];
const ADJECTIVES = ['GOLDEN', 'BLUE', 'GREEN', 'WILD', 'ROYAL', 'LITTLE', 'BIG', 'OLD', 'NEW', 'HAPPY', 'SILVER', 'RED', 'BLACK', 'WHITE', 'PURE', 'FRESH', 'SMART', 'NORTHERN', 'SWEET', 'BRIGHT', 'NOBLE', 'SWIFT', 'GRAND', 'TRUE', 'LUCKY', 'QUIET', 'URBAN'];

/** Descriptive words by Nice class: what goods and services of that class are sold as. */
const DESCRIPTIVE: Record<number, string[]> = {
  1: ['CHEMICALS', 'CHEM', 'POLYMERS'], 2: ['PAINTS', 'COATINGS', 'COLOURS'], 3: ['COSMETICS', 'BEAUTY', 'SKINCARE', 'NATURALS', 'CARE', 'PARFUMS'],
  4: ['OIL', 'LUBRICANTS', 'ENERGY'], 5: ['PHARMA', 'HEALTH', 'VITAL', 'MED', 'BIO'], 6: ['METALS', 'STEEL'], 7: ['MACHINES', 'ENGINEERING', 'TOOLS'],
  8: ['TOOLS', 'BLADES'], 9: ['TECH', 'DIGITAL', 'SYSTEMS', 'ELECTRONICS', 'AUDIO', 'VISION', 'APP', 'SOFT'], 10: ['MEDICAL', 'CARE', 'SURGICAL'],
  11: ['LIGHTING', 'HOME', 'AIR', 'HEAT'], 12: ['MOTORS', 'AUTO', 'BIKES', 'CARS'], 13: ['FIREWORKS'], 14: ['JEWELS', 'JEWELLERY', 'TIME', 'WATCHES'],
  15: ['MUSIC', 'PIANOS'], 16: ['PAPER', 'PRESS', 'PRINT', 'BOOKS', 'STATIONERY'], 17: ['RUBBER', 'SEALS'], 18: ['BAGS', 'LEATHER', 'TRAVEL'],
  19: ['STONE', 'BUILD'], 20: ['FURNITURE', 'HOME', 'LIVING', 'SLEEP'], 21: ['KITCHEN', 'HOME', 'GLASS'], 22: ['ROPES'], 23: ['YARNS'],
  24: ['TEXTILES', 'LINEN'], 25: ['WEAR', 'FASHION', 'APPAREL', 'SPORT', 'KIDS', 'JEANS', 'SHOES'], 26: ['LACE', 'BUTTONS'], 27: ['CARPETS', 'RUGS'],
  28: ['TOYS', 'GAMES', 'SPORTS', 'PLAY'], 29: ['FOODS', 'DAIRY', 'FARM', 'DELI'], 30: ['BAKERY', 'COFFEE', 'TEA', 'FOODS', 'CHOCOLATE', 'PASTA'],
  31: ['FARM', 'PETS', 'SEEDS', 'GARDEN'], 32: ['DRINKS', 'BREWING', 'WATER', 'JUICE', 'BEER'], 33: ['WINES', 'SPIRITS', 'VINEYARDS', 'DISTILLERY'],
  34: ['TOBACCO', 'VAPE'], 35: ['GROUP', 'MARKET', 'STORE', 'RETAIL', 'CONSULTING', 'SHOP'], 36: ['CAPITAL', 'FINANCE', 'INVEST', 'BANK', 'INSURANCE'],
  37: ['BUILDERS', 'SERVICE', 'REPAIR'], 38: ['TELECOM', 'MEDIA', 'NET', 'MOBILE'], 39: ['LOGISTICS', 'TRAVEL', 'EXPRESS', 'TRANSPORT'],
  40: ['PRINTING', 'RECYCLING'], 41: ['ACADEMY', 'GAMES', 'STUDIOS', 'FITNESS', 'EVENTS', 'SCHOOL', 'MUSIC'], 42: ['LABS', 'SOFTWARE', 'CLOUD', 'DESIGN', 'AI', 'DATA', 'SOLUTIONS'],
  43: ['CAFE', 'KITCHEN', 'GRILL', 'HOTEL', 'PIZZA', 'BISTRO', 'BAR'], 44: ['CLINIC', 'DENTAL', 'SPA', 'HEALTH', 'VET'], 45: ['LEGAL', 'SECURITY', 'DATING'],
};
const GENERIC_TAILS = ['& CO', 'GROUP', 'INTERNATIONAL', 'PLUS', 'PRO', 'ONE', 'CLASSIC', 'ORIGINAL', 'PREMIUM', 'EXPRESS', 'SELECT', 'COLLECTION', 'EDITION', 'HOUSE'];
const ROOTS = ['AQUA', 'BIO', 'NUTRI', 'DERMA', 'VITA', 'ECO', 'SUN', 'MAX', 'PRO', 'MED', 'TECH', 'NET', 'SOFT', 'FLEX', 'CARE', 'LIFE', 'FRESH', 'PURE', 'STAR', 'GREEN', 'FIT', 'CLEAN', 'POWER', 'SMART', 'CHEF', 'PET', 'KID', 'ZEN', 'GEO', 'OPTI', 'OMNI', 'MULTI', 'ULTRA', 'NEO', 'SOL', 'TERRA', 'MEGA', 'MINI', 'DATA', 'INFO'];
const PHRASES: ((r: Rng, w: () => string) => string)[] = [
  (r, w) => `THE ${r.pick(ADJECTIVES)} ${w()}`,
  (_r, w) => `HOUSE OF ${w()}`,
  (r, w) => `${r.pick(ADJECTIVES)} ${w()} ${r.pick(['FARM', 'KITCHEN', 'COMPANY', 'BREWERY', 'STUDIO', 'BAKERY', 'GARDEN', 'CLUB'])}`,
  (r, w) => `${r.pick(['CASA', 'VILLA', 'BELLA', 'LA'])} ${r.pick(['DEL', 'DI', 'DE LA', 'DEL'])} ${r.pick(['SOL', 'MAR', 'LUNA', 'ORO', 'VALLE', 'MONTE', 'FIORE', 'ROSA'])}`,
  (_r, w) => `${w()} AND ${w()}`,
  (r, w) => `${w()} OF THE ${r.pick(['NORTH', 'SEA', 'VALLEY', 'ALPS', 'ISLANDS', 'EAST', 'WEST'])}`,
];
const NUMBER_FORMS: ((r: Rng, w: () => string) => string)[] = [
  (r, w) => `${w()} ${r.int(1, 12)}`, (r, w) => `${w()} ${r.pick(['24', '360', '365', '100', '1000', '2000', '3000', '88'])}`,
  (r, w) => `${r.pick(['24/7', '365', '360', '4X4', '1ST', '3D', '7'])} ${w()}`, (r) => `${r.pick(['X', 'Q', 'Z', 'K', 'A', 'V'])}${r.int(1, 99)}`,
  (r, w) => `${w()}${r.int(1, 9)}`, (r) => `${r.pick(['ONE', 'TWO', 'TEN', 'NINE', 'FOUR', 'SIX', 'SEVEN'])}${r.int(1, 99)}`,
];

// Scripts other than Latin: common words, and coined words written in the script as an office receives them.
const CYRILLIC_WORDS = ['СОЛНЦЕ', 'ЗВЕЗДА', 'ВОЛНА', 'БЕРЁЗКА', 'МЕДВЕДЬ', 'ЗОЛОТО', 'СЕВЕР', 'РОДНИК', 'ЛУЧ', 'ВЕСНА', 'РАДУГА', 'СЛАВА', 'ЯНТАРЬ', 'КОЛОС', 'ДОБРЫЙ', 'СОКОЛ', 'РОСИНКА', 'ВИТЯЗЬ', 'ИСКРА', 'ЗАРЯ', 'БОГАТЫРЬ', 'ПОЛЕ', 'МАЛИНКА', 'ТАЙГА'];
const CYRILLIC_TAILS = ['', '', '', ' ПЛЮС', ' ГРУПП', ' МАРКЕТ', ' ФУДС', ' ЛАБ', ' ПРО'];
const GREEK_WORDS = ['ΗΛΙΟΣ', 'ΘΑΛΑΣΣΑ', 'ΑΣΤΡΟ', 'ΕΛΙΑ', 'ΜΕΛΙ', 'ΑΝΘΟΣ', 'ΓΑΛΑ', 'ΟΛΥΜΠΟΣ', 'ΑΙΓΑΙΟ', 'ΚΡΗΤΗ', 'ΦΩΣ', 'ΑΡΩΜΑ', 'ΓΗ', 'ΝΗΣΙ'];
const HAN = ['金', '华', '美', '康', '乐', '龙', '凤', '福', '宝', '星', '天', '海', '山', '泉', '花', '瑞', '祥', '德', '鑫', '源', '佳', '盛', '锦', '云', '绿', '新', '恒', '安', '雅', '尚', '丰', '和', '悦', '健', '味', '香', '茶', '酒', '坊', '堂'];
const ARABIC_WORDS = ['نور', 'الشمس', 'نجمة', 'الواحة', 'قمر', 'الأصيل', 'الريان', 'السلام', 'الخير', 'زهرة', 'اللؤلؤة', 'الفجر', 'الصحراء', 'النخيل', 'الأمل', 'بركة'];
const TO_CYRILLIC: [string, string][] = [['sch', 'Щ'], ['sh', 'Ш'], ['ch', 'Ч'], ['zh', 'Ж'], ['ts', 'Ц'], ['ya', 'Я'], ['yu', 'Ю'], ['kh', 'Х'], ['x', 'КС'], ['qu', 'КВ'],
  ['a', 'А'], ['b', 'Б'], ['c', 'К'], ['d', 'Д'], ['e', 'Е'], ['f', 'Ф'], ['g', 'Г'], ['h', 'Х'], ['i', 'И'], ['j', 'ДЖ'], ['k', 'К'], ['l', 'Л'], ['m', 'М'], ['n', 'Н'],
  ['o', 'О'], ['p', 'П'], ['q', 'К'], ['r', 'Р'], ['s', 'С'], ['t', 'Т'], ['u', 'У'], ['v', 'В'], ['w', 'В'], ['y', 'И'], ['z', 'З']];
const TO_GREEK: [string, string][] = [['th', 'Θ'], ['ph', 'Φ'], ['ch', 'Χ'], ['ps', 'Ψ'], ['ks', 'Ξ'], ['x', 'Ξ'], ['ou', 'ΟΥ'], ['u', 'ΟΥ'], ['b', 'ΜΠ'], ['d', 'ΝΤ'],
  ['a', 'Α'], ['c', 'Κ'], ['e', 'Ε'], ['f', 'Φ'], ['g', 'Γ'], ['h', 'Χ'], ['i', 'Ι'], ['j', 'Τ'], ['k', 'Κ'], ['l', 'Λ'], ['m', 'Μ'], ['n', 'Ν'], ['o', 'Ο'], ['p', 'Π'],
  ['q', 'Κ'], ['r', 'Ρ'], ['s', 'Σ'], ['t', 'Τ'], ['v', 'Β'], ['w', 'Β'], ['y', 'Υ'], ['z', 'Ζ']];

function transcribe(word: string, table: [string, string][]): string {
  const w = word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  let out = '';
  for (let i = 0; i < w.length;) {
    const hit = table.find(([from]) => w.startsWith(from, i));
    if (hit) { out += hit[1]; i += hit[0].length; } else i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Nice classes: how often each is chosen as a mark's first class (shares of applications at a large office),
// and the classes filed together with it.

const CLASS_WEIGHTS: Record<number, number> = {
  9: 9, 35: 9, 42: 6, 41: 5.5, 25: 5, 3: 4.5, 5: 4, 28: 3, 30: 3, 18: 2.5, 16: 2.5, 44: 2.5, 43: 2.5, 14: 2, 32: 2, 29: 2, 21: 2, 33: 2, 11: 2,
  10: 2, 20: 2, 7: 1.8, 36: 1.8, 12: 1.8, 38: 1.8, 39: 1.5, 37: 1.5, 31: 1.5, 1: 1.3, 40: 1, 24: 1, 6: 1, 45: 1, 8: 1, 19: 0.8, 34: 0.8, 26: 0.7,
  2: 0.6, 4: 0.6, 17: 0.6, 27: 0.5, 15: 0.4, 13: 0.3, 22: 0.3, 23: 0.2,
};
const COMPANIONS: Record<number, number[]> = {
  1: [2, 3, 5], 3: [5, 21, 44, 35], 5: [3, 10, 44, 29], 7: [8, 11, 12], 9: [42, 35, 38, 28, 41], 10: [5, 44, 9], 11: [9, 21, 7], 12: [37, 39, 7, 9],
  14: [25, 18, 3], 16: [41, 35, 9, 28], 18: [25, 14, 3], 20: [21, 24, 11], 21: [8, 11, 20], 24: [25, 20], 25: [18, 14, 35, 28], 28: [9, 41, 25],
  29: [30, 31, 32], 30: [29, 32, 43, 35], 31: [29, 44, 30], 32: [33, 30, 29], 33: [32, 43], 35: [41, 42, 9, 16, 36], 36: [35, 45, 37], 37: [36, 39, 42],
  38: [9, 41, 35], 39: [35, 43, 12], 41: [35, 16, 9, 38, 43], 42: [9, 35, 38, 41], 43: [30, 32, 33, 41], 44: [3, 5, 10, 41],
};
const CLASS_LIST = Object.keys(CLASS_WEIGHTS).map(Number);
const CLASS_TOTAL = CLASS_LIST.reduce((a, c) => a + CLASS_WEIGHTS[c], 0);

function firstClass(r: Rng): number {
  let x = r.next() * CLASS_TOTAL;
  for (const c of CLASS_LIST) { x -= CLASS_WEIGHTS[c]; if (x <= 0) return c; }
  return 9;
}

/** 1-3 classes: half the marks name one, the others mostly add related classes. */
export function niceClassesOf(r: Rng, first = firstClass(r)): number[] {
  const x = r.next();
  const n = x < 0.5 ? 1 : x < 0.8 ? 2 : 3;
  const out = new Set([first]);
  while (out.size < n) {
    const rel = COMPANIONS[first];
    out.add(rel && r.next() < 0.65 ? r.pick(rel) : firstClass(r));
  }
  return [...out].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------

/** The first of a list most often: index ~ u^k (a Zipf-like skew, as the words of real registers). */
function pickSkewed<T>(r: Rng, xs: readonly T[], k = 1.8): T {
  return xs[Math.min(xs.length - 1, Math.floor(Math.pow(r.next(), k) * xs.length))];
}

function coined(r: Rng, maxSyllables = 3): string {
  let x = r.next() * FLAVOUR_TOTAL;
  let f = FLAVOURS[0];
  for (const fl of FLAVOURS) { x -= fl.weight; if (x <= 0) { f = fl; break; } }
  const n = r.next() < 0.25 ? 1 : r.next() < 0.75 ? 2 : maxSyllables;
  let w = '';
  for (let i = 0; i < n; i++) w += r.pick(f.onsets) + r.pick(f.vowels);
  w += r.pick(f.codas);
  if (w.length < 3) w += r.pick(f.codas.filter(Boolean)) ?? 'a';
  return smooth(w).slice(0, 14).toUpperCase();
}

/** Coined words as people coin them: no runs of three vowels, no doubled a/i/u, no letter three times. */
function smooth(w: string): string {
  return w.replace(/([aeiouyäüé]{2})[aeiouyäüé]+/g, '$1').replace(/([aiu])\1/g, '$1').replace(/(.)\1\1+/g, '$1$1').replace(/quu/g, 'qu');
}

interface House { name: string; classes: number[] }

/**
 * A deterministic stream of synthetic marks.
 *   const g = markGenerator(7, { exclude: evaluationTexts }); g.next() // { text: 'VELMORA LABS', classes: [9, 42], ... }
 */
export function markGenerator(seed: number, opts: { exclude?: Iterable<string> } = {}) {
  const r = rng(seed);
  const exclude = new Set([...(opts.exclude ?? [])].map(normaliseMark));
  const houses: House[] = [];
  let made = 0;
  let redrawn = 0;

  const word = () => pickSkewed(r, DICTIONARY, 1.3);
  const wordOrCoined = () => (r.next() < 0.5 ? word() : coined(r, 2));
  const descriptive = (cls: number) => r.pick(DESCRIPTIVE[cls] ?? GENERIC_TAILS);

  const house = (): House => {
    // A new house now and then (about one per 250 marks), big houses used most.
    if (houses.length === 0 || r.next() < 1 / 25 && houses.length < 50_000) {
      const first = firstClass(r);
      houses.push({ name: r.next() < 0.8 ? coined(r, 2) : `${word()}${r.next() < 0.5 ? '' : ' ' + r.pick(['GROUP', 'BRANDS', '& CO', 'INTERNATIONAL'])}`, classes: niceClassesOf(r, first) });
    }
    return pickSkewed(r, houses, 1.6);
  };

  function draw(): SyntheticMark {
    const x = r.next();
    if (x < 0.05) {
      const classes = niceClassesOf(r);
      const s = r.next();
      if (s < 0.5) {
        const text = r.next() < 0.3 ? `${r.pick(CYRILLIC_WORDS)}${r.pick(CYRILLIC_TAILS)}` : `${transcribe(coined(r), TO_CYRILLIC)}${r.pick(CYRILLIC_TAILS)}`;
        return { text, classes, script: 'cyrillic', shape: 'script' };
      }
      if (s < 0.74) return { text: Array.from({ length: r.int(2, 4) }, () => pickSkewed(r, HAN, 1.3)).join(''), classes, script: 'han', shape: 'script' };
      if (s < 0.88) return { text: r.next() < 0.3 ? r.pick(GREEK_WORDS) : transcribe(coined(r), TO_GREEK), classes, script: 'greek', shape: 'script' };
      return { text: r.next() < 0.3 ? r.pick(ARABIC_WORDS) : `${r.pick(ARABIC_WORDS)} ${r.pick(ARABIC_WORDS)}`, classes, script: 'arabic', shape: 'script' };
    }
    if (x < 0.15) {
      const h = house();
      const cls = r.next() < 0.8 ? r.pick(h.classes) : firstClass(r);
      const classes = niceClassesOf(r, cls);
      const y = r.next();
      const text = y < 0.35 ? `${h.name} ${coined(r, 2)}` : y < 0.6 ? `${h.name} ${descriptive(cls)}` : y < 0.75 ? `${h.name} ${r.pick(['KIDS', 'PRO', 'ACTIVE', 'CLASSIC', 'ORIGINAL', 'PLUS', 'LIGHT', 'ZERO', 'MAX', 'SPORT'])}`
        : y < 0.88 ? `${coined(r, 2)} BY ${h.name}` : `${h.name} ${word()}`;
      return { text, classes, script: 'latin', shape: 'house' };
    }
    const classes = niceClassesOf(r);
    const cls = r.pick(classes);
    if (x < 0.45) return { text: coined(r), classes, script: 'latin', shape: 'coined' };
    if (x < 0.58) return { text: `${coined(r, 2)} ${r.next() < 0.8 ? descriptive(cls) : r.pick(GENERIC_TAILS)}`, classes, script: 'latin', shape: 'coined+descriptive' };
    if (x < 0.63) return { text: word(), classes, script: 'latin', shape: 'word' };
    if (x < 0.72) return { text: r.next() < 0.6 ? `${r.pick(ADJECTIVES)} ${word()}` : `${word()} ${r.next() < 0.5 ? word() : r.pick(WORDS)}`, classes, script: 'latin', shape: 'two-words' };
    if (x < 0.79) return { text: `${word()} ${descriptive(cls)}`, classes, script: 'latin', shape: 'word+descriptive' };
    if (x < 0.84) return { text: r.pick(PHRASES)(r, wordOrCoined), classes, script: 'latin', shape: 'phrase' };
    if (x < 0.88) return { text: r.pick(NUMBER_FORMS)(r, wordOrCoined), classes, script: 'latin', shape: 'number' };
    if (x < 0.93) {
      const sur = r.pick(SURNAMES).toUpperCase();
      const y = r.next();
      const text = y < 0.35 ? `${r.pick(GIVEN).toUpperCase()} ${sur}` : y < 0.55 ? `${sur} & ${r.pick(['CO', 'SONS', 'FILS', 'HIJOS', 'FIGLI', 'SÖHNE'])}` : y < 0.7 ? `${r.pick(['DR.', 'CASA', 'MAISON', 'HAUS', 'VILLA'])} ${sur}`
        : y < 0.85 ? `${sur} ${descriptive(cls)}` : `${r.pick(GIVEN).toUpperCase().charAt(0)}. ${sur}`;
      return { text, classes, script: 'latin', shape: 'name' };
    }
    const root = pickSkewed(r, ROOTS, 1.4);
    const text = smooth((r.next() < 0.6 ? `${root}${r.next() < 0.5 ? pickSkewed(r, ROOTS, 1.4) : coined(r, 1)}` : `${coined(r, 1)}${root}`).toLowerCase()).toUpperCase();
    return { text, classes, script: 'latin', shape: 'compound' };
  }

  return {
    next(): SyntheticMark {
      for (;;) {
        const m = draw();
        // As filed: most in capitals, some in title case.
        if (m.script === 'latin' && r.next() < 0.25) m.text = m.text.toLowerCase().replace(/(^|[\s&.-])(\p{L})/gu, (_s, a: string, b: string) => a + b.toUpperCase());
        if (exclude.has(normaliseMark(m.text))) { redrawn++; continue; }
        made++;
        return m;
      }
    },
    /** Marks produced, and draws refused because they were an excluded text. */
    get stats() { return { made, redrawn, houses: houses.length }; },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Variants of a mark for search queries: what an examiner or an applicant types.

const KEYBOARD: Record<string, string> = { a: 'qs', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n', n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x' };

/** One typing error in a letter of the mark: a neighbouring key, a letter dropped, doubled or two swapped. */
export function misspell(r: Rng, text: string): string {
  const letters = [...text].map((ch, i) => [ch, i] as const).filter(([ch]) => /\p{L}/u.test(ch));
  if (letters.length < 3) return text;
  const [ch, i] = letters[r.int(1, letters.length - 1)];
  const s = [...text];
  const lower = ch.toLowerCase();
  const op = r.int(0, 3);
  if (op === 0 && KEYBOARD[lower]) s[i] = r.pick([...KEYBOARD[lower]]).toUpperCase();
  else if (op === 1) s.splice(i, 1);
  else if (op === 2) s.splice(i, 0, ch);
  else if (i + 1 < s.length && /\p{L}/u.test(s[i + 1])) [s[i], s[i + 1]] = [s[i + 1], s[i]];
  else s.splice(i, 1);
  return s.join('');
}

const SOUND_RULES: [RegExp, string][] = [
  [/PH/g, 'F'], [/F/g, 'PH'], [/C(?=[AOU])/g, 'K'], [/K/g, 'C'], [/QU/g, 'KW'], [/CK/g, 'K'], [/X/g, 'KS'], [/KS/g, 'X'], [/Z/g, 'S'], [/S(?=[AEIOU])/g, 'Z'],
  [/Y/g, 'I'], [/I(?![AEOU])/g, 'Y'], [/EE/g, 'I'], [/OO/g, 'U'], [/([BDFGKLMNPRST])\1/g, '$1'], [/([LNRST])(?=[AEIOU])/g, '$1$1'], [/W/g, 'V'], [/V/g, 'W'],
  [/TH/g, 'T'], [/GH/g, 'G'], [/H(?=[AEIOU])/g, ''], [/EI/g, 'AI'], [/AI/g, 'EI'], [/OU/g, 'U'], [/U/g, 'OO'], [/E$/g, ''], [/([^E])$/g, '$1E'],
];

/** The mark as it sounds, spelt another way (C/K, PH/F, doubled and silent letters, vowel spellings); the text itself if no rule applies. */
export function soundAlike(r: Rng, text: string): string {
  const upper = text.toUpperCase();
  const rules = SOUND_RULES.filter(([re]) => { re.lastIndex = 0; return re.test(upper); });
  if (!rules.length) return text;
  let out = upper;
  for (let k = 0, n = r.int(1, 2); k < n && rules.length; k++) {
    const [re, to] = rules.splice(r.int(0, rules.length - 1), 1)[0];
    re.lastIndex = 0;
    out = out.replace(re, to);
  }
  return out;
}
