/**
 * Search that forgives: a table of what clerks type against what is stored. The expected folded
 * strings are written out by hand (the oracle), not computed with the function under test.
 */
import { describe, expect, it } from 'vitest';
import { foldForSearch, searchMatches, toHalfWidthCode, toKatakanaReading } from '../../src-shared/domain/search-fold';

describe('foldForSearch', () => {
  const table: [input: string, folded: string][] = [
    ['ホテル', 'ほてる'],
    ['ほてる', 'ほてる'],
    ['ﾎﾃﾙ', 'ほてる'],
    ['ｶﾞｰﾃﾞﾝ', 'がーでん'],
    ['ＨＯＴＥＬ', 'hotel'],
    ['Hotel', 'hotel'],
    ['ｈｏｔｅｌ', 'hotel'],
    ['Ｃ００１', 'c001'],
    ['ヴィラ', 'ゔぃら'],
    ['ホテル　ニュー  オータニ', 'ほてる にゅー おーたに'],
    ['  前後  ', '前後'],
    ['㈱髙島屋', '(株)髙島屋'],
    ['①', '1'],
    ['', ''],
  ];
  it.each(table)('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });
});

describe('searchMatches: ほてる, ﾎﾃﾙ, ＨＯＴＥＬ all find ホテル', () => {
  const stored = 'ホテル HOTEL 本館';
  const finds: [query: string, found: boolean][] = [
    ['ほてる', true],
    ['ﾎﾃﾙ', true],
    ['ホテル', true],
    ['ＨＯＴＥＬ', true],
    ['hotel', true],
    ['ﾎﾃﾙ　ＨＯＴＥＬ', true],
    ['本館', true],
    ['', true],
    ['旅館', false],
    ['ほてるず', false],
  ];
  it.each(finds)('%s → %s', (query, found) => {
    expect(searchMatches(stored, query)).toBe(found);
  });
});

describe('toHalfWidthCode (商品・倉庫コード)', () => {
  it.each([
    ['ＡＢ－１２', 'AB-12'],
    ['ｐ００１', 'p001'],
    ['P001', 'P001'],
    [' ＳＫＵ＿１ ', 'SKU_1'],
    ['AB‐12', 'AB-12'],
    ['AB−12', 'AB-12'],
  ])('%s → %s', (input, out) => {
    expect(toHalfWidthCode(input)).toBe(out);
  });
});

describe('toKatakanaReading (フリガナ as stored)', () => {
  it.each([
    ['ほてる', 'ホテル'],
    ['ﾎﾃﾙ', 'ホテル'],
    ['ホテル', 'ホテル'],
    ['ＡＢＣしょうじ', 'ABCショウジ'],
    ['かぶしきがいしゃ　てすと', 'カブシキガイシャ テスト'],
    ['', ''],
  ])('%s → %s', (input, out) => {
    expect(toKatakanaReading(input)).toBe(out);
  });
});
