// Vienna Classification of the figurative elements of marks: the 29 categories and, for some of them,
// their divisions, as in reference/vienna/vienna-categories-divisions.csv (procedures do no IO, so the
// list is kept here as data; a test checks it against the file). A code is written category.division.section
// ("26.1.1"; "26.01.01" is the same code). Sections are not shipped: a section is checked for its form only,
// and so is a division of a category whose divisions are not shipped.
import type { Refusal } from '../../common/types.ts';

export const VIENNA_CATEGORIES: Readonly<Record<string, string>> = {
  '1': 'Celestial bodies, natural phenomena, geographical maps',
  '2': 'Human beings',
  '3': 'Animals',
  '4': 'Supernatural beings, fabulous beings, fantastic beings or unidentifiable beings',
  '5': 'Plants',
  '6': 'Landscapes',
  '7': 'Constructions, structures for advertisements, gates or barriers',
  '8': 'Foodstuffs',
  '9': 'Textiles, clothing, sewing accessories, headwear, footwear',
  '10': "Tobacco, smokers' requisites, matches, travel goods, fans, toilet articles",
  '11': 'Household utensils',
  '12': 'Furniture, sanitary installations',
  '13': 'Lighting, wireless valves, heating, cooking or refrigerating equipment, washing machines, drying equipment',
  '14': 'Ironmongery, tools, ladders',
  '15': 'Machinery, motors, engines',
  '16': 'Telecommunications, sound recording or reproduction, computers, photography, cinematography, optics',
  '17': 'Horological instruments, jewelry, weights and measures',
  '18': 'Transport, equipment for animals',
  '19': 'Containers and packing, representations of miscellaneous products',
  '20': "Writing, drawing or painting materials, office requisites, stationery and booksellers' goods",
  '21': 'Games, toys, sporting articles, roundabouts',
  '22': 'Musical instruments and their accessories, music accessories, bells, pictures, sculptures',
  '23': 'Arms, ammunition, armour',
  '24': 'Heraldry, coins, emblems, symbols',
  '25': 'Ornamental motifs, surfaces or backgrounds with ornaments',
  '26': 'Geometrical figures and solids',
  '27': 'Forms of writing, numerals',
  '28': 'Inscriptions in various characters',
  '29': 'Colours',
};

/** The divisions shipped, by code; a category with none here has its divisions checked for form only. */
export const VIENNA_DIVISIONS: Readonly<Record<string, string>> = {
  '1.1': 'Stars, comets',
  '1.3': 'Sun',
  '1.5': 'Earth, terrestrial globes, planets',
  '1.7': 'Moon',
  '1.11': 'Constellations, groups of stars, starry sky, celestial globes, celestial maps',
  '1.13': 'Armillary spheres, planetaria, astronomic orbits, atomic models, molecular models',
  '1.15': 'Natural phenomena',
  '1.17': 'Geographical maps, planispheres',
  '2.1': 'Men',
  '2.3': 'Women',
  '2.5': 'Children',
  '2.7': 'Mixed groups, scenes',
  '2.9': 'Parts of the human body, skeletons, skulls',
  '3.1': 'Quadrupeds (series I)',
  '3.2': 'Quadrupeds (series II)',
  '3.3': 'Quadrupeds (series III)',
  '3.4': 'Quadrupeds (series IV)',
  '3.5': 'Quadrupeds (series V), primates',
  '3.6': 'Parts of the bodies, skeletons, skulls of quadrupeds or primates',
  '3.7': 'Birds, bats',
  '3.9': 'Aquatic animals, scorpions',
  '3.11': 'Reptiles, amphibia, snails, seals, sea lions',
  '3.13': 'Insects, spiders, micro-organisms',
  '3.15': 'Other animals, large prehistoric animals',
  '3.17': 'Groups of animals classified in different divisions of category 3',
  '5.1': 'Trees, bushes',
  '5.3': 'Leaves, needles, branches with leaves or needles',
  '5.5': 'Flowers, blossoms',
  '5.7': 'Grain, seeds, fruits',
  '5.9': 'Vegetables',
  '5.11': 'Other plants',
  '5.13': 'Decorations made of plants',
  '26.1': 'Circles, ellipses',
  '26.2': 'Segments or sectors of circles or ellipses',
  '26.3': 'Triangles, lines forming an angle',
  '26.4': 'Quadrilaterals',
  '26.5': 'Other polygons',
  '26.7': 'Different geometrical figures, juxtaposed, joined or intersecting',
  '26.11': 'Lines, bands',
  '26.13': 'Other geometrical figures, indefinable designs',
  '26.15': 'Geometrical solids',
  '29.1': 'Colours',
};

const WITH_DIVISIONS = new Set(Object.keys(VIENNA_DIVISIONS).map((d) => d.split('.')[0]));

export const VIENNA_CODE_PATTERN = '^\\d{1,2}(\\.\\d{1,2}(\\.\\d{1,2})?)?$';
const FORM = new RegExp(VIENNA_CODE_PATTERN);

/** A code as the register keeps it: no leading zeros ("26.01.01" -> "26.1.1"); null when not of the form. */
export function normaliseViennaCode(code: string): string | null {
  const c = String(code).trim();
  if (!FORM.test(c)) return null;
  return c.split('.').map((p) => String(Number(p))).join('.');
}

/** Why a code is not one of the shipped classification, or null when it is (or may be: see above). */
export function viennaCodeProblem(code: string): string | null {
  const n = normaliseViennaCode(code);
  if (!n) return `'${code}' is not a Vienna code (category, division and section: e.g. 26.1.1)`;
  const [cat, div, sec] = n.split('.');
  if (!Object.hasOwn(VIENNA_CATEGORIES, cat)) return `'${code}': the Vienna Classification has no category ${cat} (1 to 29)`;
  if (div !== undefined && (div === '0' || (WITH_DIVISIONS.has(cat) && !Object.hasOwn(VIENNA_DIVISIONS, `${cat}.${div}`)))) {
    return `'${code}': category ${cat} (${VIENNA_CATEGORIES[cat]}) has no division ${cat}.${div}`;
  }
  if (sec === '0') return `'${code}': there is no section 0`;
  return null;
}

/** The refusal of the first unknown code of a mark, or null. */
export function viennaCodesKnown(codes: unknown): Refusal | null {
  for (const code of Array.isArray(codes) ? codes : []) {
    const problem = viennaCodeProblem(String(code));
    if (problem) return { code: 'UNKNOWN_VIENNA_CODE', message: problem, details: { viennaCode: String(code) } };
  }
  return null;
}
