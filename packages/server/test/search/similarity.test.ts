// The similarity measures of the similar-mark search, without a database: how marks are read (scripts,
// invisible characters, look-alike letters), the string and sound measures, the office's languages and
// lexicon, and the combined score's ordering on pairs whose outcome is not in doubt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareMarks, prepareMark } from '../../src/modules/search/index.ts';
import { loadLexicon, parseConcepts, parseRelatedClasses } from '../../src/modules/search/similarity/lexicon.ts';
import { damerau, editex, jaroWinkler } from '../../src/modules/search/similarity/measures.ts';
import { lookalikeLatin, normalizeMark, visualSkeleton } from '../../src/modules/search/similarity/normalize.ts';
import { metaphone, phonemeCodes, phonemesOf, phoneticAlignment, respell } from '../../src/modules/search/similarity/phonemes.ts';

const lex = loadLexicon();
const score = (a: string, b: string, l = lex) => compareMarks(prepareMark(a, l), prepareMark(b, l)).score;

test('marks are read in Latin letters: Cyrillic, Greek, Arabic and Chinese transliterated; accents, case, invisible characters and punctuation gone', () => {
  assert.deepEqual(normalizeMark('Жар-Птица').words, ['zhar', 'ptitsa']);
  assert.equal(normalizeMark('ΝΙΚΗ').latin, 'niki');
  assert.equal(normalizeMark('نايك').latin, 'nayk');
  assert.equal(normalizeMark('小米').latin, 'xiaomi');
  assert.equal(normalizeMark('Café Crème').latin, 'cafe creme');
  assert.equal(normalizeMark('PHO\u200BTO\u202EKLICK').latin, 'photoklick');
  assert.equal(normalizeMark('ＡＢＣ').latin, 'abc', 'full-width letters');
  assert.equal(normalizeMark('CA$H & C@RRY').latin, 'cash and carry');
  assert.deepEqual(normalizeMark('Жар 小米 Nike').scripts.sort(), ['Cyrillic', 'Han', 'Latin']);
  assert.throws(() => normalizeMark('שלום'), (e: any) => e.code === 'SCRIPT_NOT_SUPPORTED' && e.details.script === 'Hebrew');
  assert.throws(() => normalizeMark('НАЙК', ['Latin']), (e: any) => e.code === 'SCRIPT_NOT_SUPPORTED' && e.details.script === 'Cyrillic');
});

test('look-alike letters fold together; Cyrillic and Greek capitals read as the Latin ones they resemble', () => {
  assert.equal(visualSkeleton('rnicrosoft'), visualSkeleton('microsoft'));
  assert.equal(visualSkeleton('g00gle'), visualSkeleton('google'));
  assert.equal(visualSkeleton('1ego'), visualSkeleton('lego'));
  assert.equal(lookalikeLatin('РУМА'), 'pyma');
  assert.equal(lookalikeLatin('PUMA'), null, 'nothing to read differently');
  assert.ok(score('РУМА', 'PYMA') >= 0.95, 'a Cyrillic mark made of Latin look-alikes');
});

test('string measures: edit distance with transpositions, Jaro-Winkler, Editex', () => {
  assert.equal(damerau('kitten', 'sitting'), 3);
  assert.equal(damerau('abcd', 'acbd'), 1, 'a transposition is one edit');
  assert.ok(jaroWinkler('martha', 'marhta') > 0.95);
  assert.equal(editex('cat', 'cat'), 0);
  assert.ok(editex('cat', 'kat') < editex('cat', 'mat'), 'c and k sound alike; c and m do not');
  assert.ok(editex('philip', 'filip') <= 3);
});

test('sound: spelling rules make phonemes, and a vowel shift costs less than a new consonant', () => {
  assert.deepEqual(phonemesOf('photo'), phonemesOf('foto'));
  assert.deepEqual(phonemesOf('klick'), phonemesOf('click'));
  assert.deepEqual(phonemesOf('knight'), phonemesOf('nite').filter((p) => p !== 'e'));
  const a = (x: string, y: string) => phoneticAlignment(phonemeCodes(phonemesOf(x)), phonemeCodes(phonemesOf(y)));
  assert.ok(a('mundicor', 'mondicor') > a('mundicor', 'mundipor'));
  assert.ok(a('bass', 'pash') > a('bass', 'lamb'));
  assert.deepEqual(metaphone('photoklick'), metaphone('fotoclick'));
});

test('the office\'s languages: Spanish hears b and v, ll and y alike; German w as v', () => {
  assert.equal(respell('ballena', 'es'), 'bayena');
  assert.equal(respell('vino', 'es'), 'bino');
  assert.equal(respell('wein', 'de'), 'vayn');
  const es = loadLexicon({ languages: ['es'] });
  assert.ok(score('BALLENA', 'VAYENA', es) > score('BALLENA', 'VAYENA'), 'closer for a Spanish-speaking public');
});

test('the lexicon: concept lines in any script, weak words, related classes both ways', () => {
  const c = parseConcepts('en\tfr\tru\nsun\tsoleil\tсолнце\n');
  assert.deepEqual(c.get('soleil'), ['sun']);
  assert.deepEqual(c.get('solntse'), ['sun']);
  const r = parseRelatedClasses('# note\n9: 42 38\n');
  assert.ok(r.get(42)?.has(9) && r.get(9)?.has(38));
  assert.ok(lex.weak.has('gmbh') && lex.weak.has('labs'));
  assert.deepEqual(lex.concepts.get('sonne'), ['sun']);
});

test('the score orders pairs the way decisions do: near-identical > sound-alike > shared element > unrelated', () => {
  assert.equal(score('ZEBRA', 'zebra'), 1);
  assert.ok(score('CANON', 'CANNON') > 0.9);
  assert.ok(score('PHOTOKLICK', 'FOTOCLICK') > 0.9);
  assert.ok(score('LLOYD', 'LLOYD SHOES') > 0.85, 'the earlier mark inside the later one with a descriptive word');
  assert.ok(score('LLOYD', 'LLOYD SHOES') > score('LLOYD', 'LOYALTY'));
  assert.ok(score('SOL', 'SOLEIL') >= 0.85, 'the same meaning in French');
  assert.ok(score('ACME', 'ZEBRA') < 0.5);
  assert.ok(score('STAR LABS', 'STAR FOODS') > score('NOVA LABS', 'ZETA LABS'), 'a shared distinctive word counts; a shared descriptive word does not');
  const goods = (q: number[], m: number[]) => compareMarks(prepareMark('KORONA', lex), prepareMark('CORONA', lex), { query: q, mark: m, lex });
  assert.ok(goods([30], [30]).score > goods([30], [29]).score && goods([30], [29]).score > goods([30], [12]).score);
  assert.equal(goods([30], [12]).why.goods?.relation, 'unrelated');
});
