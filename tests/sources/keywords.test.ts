// A source's keywords option and which keyword an item matches.
import { describe, expect, it } from 'vitest';
import { keywordList, keywordRule, noneMatchedDetail } from '../../src/core/sources/keyword-hits.js';
import { capitalsOnly, matchKeywords, parseKeywords } from '../../src/core/sources/keywords.js';

const item = (title: string, summary = '') => ({ title, summary });

describe('parseKeywords', () => {
  it('GIVEN terms, a quoted phrase and a prefix THEN each is one keyword as typed', () => {
    expect(parseKeywords('ceasefire, Sweida, "al-Sharaa", negotiat*').map((k) => [k.text, k.phrase.words, k.phrase.prefix])).toEqual([
      ['ceasefire', 'ceasefire', false],
      ['Sweida', 'sweida', false],
      ['al-Sharaa', 'al sharaa', false],
      ['negotiat', 'negotiat', true],
    ]);
  });

  it('GIVEN a quoted term with a comma THEN the comma is part of it', () => {
    expect(parseKeywords('"Damascus, Syria", Baku').map((k) => k.text)).toEqual(['Damascus, Syria', 'Baku']);
    expect(parseKeywords('“security pact”, Golan').map((k) => k.text)).toEqual(['security pact', 'Golan']);
  });

  it('GIVEN empty terms, punctuation only and repeats THEN they are left out', () => {
    expect(parseKeywords(' , ceasefire,, "", -- , Ceasefire ,').map((k) => k.text)).toEqual(['ceasefire']);
    expect(parseKeywords('')).toEqual([]);
  });

  it('GIVEN a term typed with a dash THEN it leaves out, quoted or not; a dash inside a word is the word\'s', () => {
    expect(parseKeywords('ceasefire, -opinion, -"live updates", al-Sharaa, - podcast').map((k) => [k.text, k.exclude])).toEqual([
      ['ceasefire', false],
      ['opinion', true],
      ['live updates', true],
      ['al-Sharaa', false],
      ['podcast', true],
    ]);
    expect(keywordList('ceasefire, -opinion, -"live updates", strike*')).toBe('ceasefire, -opinion, -"live updates", strike*');
    expect(keywordRule('ceasefire, Sweida, -opinion')).toBe('keeping items that name ceasefire or Sweida, but none that name opinion');
    expect(keywordRule('-opinion, -"live updates"')).toBe('keeping every item but those that name opinion or "live updates"');
    expect(keywordRule('')).toBe('keeping every item');
  });

  it('GIVEN an unclosed quote THEN the rest is the phrase', () => {
    expect(parseKeywords('Baku, "security pact, Golan').map((k) => k.text)).toEqual(['Baku', 'security pact, Golan']);
  });
});

describe('matchKeywords', () => {
  const keywords = 'ceasefire, Sweida, "al-Sharaa"';

  it('GIVEN a keyword in the title THEN it is the one returned', () => {
    expect(matchKeywords(keywords, item('Ceasefire announced after days of clashes'))).toBe('ceasefire');
  });

  it('GIVEN a keyword only in the summary THEN it matches there', () => {
    expect(matchKeywords(keywords, item('Talks resume', 'Residents of Sweida reported calm.'))).toBe('Sweida');
  });

  it('GIVEN another spelling of a phrase (case, hyphen, diacritics) THEN it matches', () => {
    expect(matchKeywords(keywords, item('AL SHARAA meets envoy'))).toBe('al-Sharaa');
    expect(matchKeywords(keywords, item('Al-Sharaa meets envoy'))).toBe('al-Sharaa');
    expect(matchKeywords('Şhaibani', item('Shaibani in Paris'))).toBe('Şhaibani');
  });

  it('GIVEN a keyword inside a longer word THEN it does not match (whole words only)', () => {
    expect(matchKeywords('Syria', item('Syrian officials meet'))).toBeNull();
    expect(matchKeywords('Baku', item('Bakuriani ski resort'))).toBeNull();
    expect(matchKeywords('ceasefire, -opinion', item('Opinion: the ceasefire'))).toBeNull();
    expect(matchKeywords('ceasefire, -opinion', item('The ceasefire holds'))).toBe('ceasefire');
  });

  it('GIVEN Arabic keywords THEN they match with a conjunction, preposition or article written onto the word, and either spelling of a letter', () => {
    const ceasefire = '"وقف إطلاق النار"';
    expect(matchKeywords(ceasefire, item('اتفاق على وقف إطلاق النار في السويداء'))).toBe('وقف إطلاق النار');
    expect(matchKeywords(ceasefire, item('ترحيب دولي بوقف إطلاق النار'))).toBe('وقف إطلاق النار');
    expect(matchKeywords('السويداء', item('قوافل مساعدات تصل إلى محافظة السويداء'))).toBe('السويداء');
    expect(matchKeywords('السويداء', item('هدوء حذر بالسويداء'))).toBe('السويداء');
    expect(matchKeywords('حماة', item('قصف على ريف حماه'))).toBe('حماة');
    expect(matchKeywords('مفاوض*', item('استئناف المفاوضات في باريس'))).toBe('مفاوض');
    // Still whole words: the adjective is not the city.
    expect(matchKeywords('دمشق', item('المسؤول الدمشقي'))).toBeNull();
    expect(matchKeywords('دمشق', item('وصل الوفد إلى دمشق'))).toBe('دمشق');
  });

  it('GIVEN a prefix keyword THEN words that start with it match', () => {
    expect(matchKeywords('negotiat*', item('Negotiations stall in Paris'))).toBe('negotiat');
    expect(matchKeywords('negotiat*', item('No talks'))).toBeNull();
  });

  it('GIVEN a keyword typed in capitals THEN only the initialism matches, dotted or not', () => {
    expect(matchKeywords('US', item('U.S. envoy arrives'))).toBe('US');
    expect(matchKeywords('US', item('US-brokered truce'))).toBe('US');
    expect(matchKeywords('US', item('Officials told us the talks ended'))).toBeNull();
    expect(matchKeywords('us', item('Officials told us the talks ended'))).toBe('us');
  });

  it('GIVEN a phrase THEN its words must be next to each other, in order', () => {
    expect(matchKeywords('"security pact"', item('A security pact for the Golan'))).toBe('security pact');
    expect(matchKeywords('"security pact"', item('Pact on security'))).toBeNull();
  });

  it('GIVEN several matching keywords THEN the first typed is returned', () => {
    expect(matchKeywords('Sweida, ceasefire', item('Ceasefire in Sweida'))).toBe('Sweida');
  });

  it('GIVEN Arabic with and without harakat or hamza THEN it matches', () => {
    expect(matchKeywords('أحمد الشرع', item('لقاء مع احمد الشَّرع في دمشق'))).toBe('أحمد الشرع');
  });

  it('GIVEN no keywords, or nothing matching THEN null', () => {
    expect(matchKeywords('', item('Ceasefire'))).toBeNull();
    expect(matchKeywords(keywords, item('Weather in Paris'))).toBeNull();
  });

  it('GIVEN keywords parsed once THEN they are reused across items', () => {
    const parsed = parseKeywords(keywords);
    expect(matchKeywords(parsed, item('Sweida calm'))).toBe('Sweida');
  });
});

describe('keyword forms', () => {
  it('GIVEN a word THEN its plural matches: English -s, -es, -ies, French -s and -x, the Arabic ـات of a ـة word', () => {
    expect(matchKeywords('ceasefire', item('Ceasefires across the region'))).toBe('ceasefire');
    expect(matchKeywords('strike', item('Israeli strikes on Damascus'))).toBe('strike');
    expect(matchKeywords('casualty', item('Casualties rise in Gaza'))).toBe('casualty');
    expect(matchKeywords('bus', item('Buses turned back at the crossing'))).toBe('bus');
    expect(matchKeywords('frappe', item('Frappes israéliennes sur Damas'))).toBe('frappe');
    expect(matchKeywords('bateau', item('Bateaux arraisonnés'))).toBe('bateau');
    expect(matchKeywords('غارة', item('غارات إسرائيلية على ريف درعا'))).toBe('غارة');
    expect(matchKeywords('غارة', item('تواصل الغارات على الجنوب'))).toBe('غارة');
  });

  it('GIVEN a compound THEN it matches joined, apart or hyphenated, whichever way it was typed', () => {
    expect(matchKeywords('ceasefire', item('Cease-fire holds in south'))).toBe('ceasefire');
    expect(matchKeywords('ceasefire', item('Cease fire holds'))).toBe('ceasefire');
    expect(matchKeywords('ceasefire', item('Cease-fires collapse'))).toBe('ceasefire');
    expect(matchKeywords('cease-fire', item('Ceasefire holds'))).toBe('cease-fire');
    expect(matchKeywords('"air strike"', item('Airstrikes hit army posts'))).toBe('air strike');
  });

  it('GIVEN a word THEN a longer word is still another word: strike is not strikers nor airstrikes, Iran is not "I ran"', () => {
    expect(matchKeywords('strike', item('Strikers march in Amman'))).toBeNull();
    expect(matchKeywords('strike', item('Airstrikes hit Syrian army posts'))).toBeNull();
    expect(matchKeywords('Iran', item('I ran to the shelter'))).toBeNull();
    expect(matchKeywords('US', item('Uses of force'))).toBeNull();
    expect(matchKeywords('ceasefire, -opinion', item('Opinions: the ceasefire'))).toBeNull();
  });

  it('GIVEN a filtered item with a word starting with a keyword THEN its detail suggests the keyword with *', () => {
    const sought = parseKeywords('Syria, strike, us');
    expect(noneMatchedDetail(sought, item('Syrian army redeploys'))).toBe('matched none of the keywords: Syria, strike, us; Syria* would match "syrian"');
    expect(noneMatchedDetail(sought, item('Weather in Paris, used cars'))).toBe('matched none of the keywords: Syria, strike, us');
  });

  it('GIVEN keywords in capitals THEN those matched in capitals only are listed', () => {
    expect(capitalsOnly('GAZA, IRAN, UN, Gaza, "Golan Heights", -NATO')).toEqual(['GAZA', 'IRAN', 'UN', 'NATO']);
  });
});
