// The pieces of the look-alike check: skeletons (look-alike letters read as Latin, folded as
// names are), which words mix alphabets, and how their odd letters are named.
import { describe, expect, it } from 'vitest';
import { skeletonKey } from '../../src/core/look-alike-letters.js';
import { describeMixedWord, latinSpelling, mixedWords, ordinal } from '../../src/core/mixed-alphabets.js';
import { foldKey } from '../../src/core/text.js';

describe('skeletonKey', () => {
  it('reads Greek and Cyrillic look-alikes as Latin letters, then folds as names are', () => {
    expect(skeletonKey('Ahmed al-Shar\u0430a')).toBe('ahmed al sharaa');
    expect(skeletonKey('\u0392\u0430sh\u0430r AL-ASSAD')).toBe('bashar al assad');
    // Accented and capital I look-alikes: decomposed first, and read as i (names fold case).
    expect(skeletonKey('\u0406v\u03ac\u0457')).toBe('ivai');
  });

  it('leaves a name without Greek or Cyrillic letters as its key, and other scripts as they are', () => {
    for (const name of ['Ahmed al-Sharaa', 'Ó Súilleabháin', 'U.S.', 'أحمد الشرع', 'גדעון סער']) expect(skeletonKey(name)).toBe(foldKey(name));
    expect(skeletonKey('Сергей Лавров')).not.toBe(foldKey('Sergei Lavrov'));
  });
});

describe('mixedWords', () => {
  it('finds the words mixing Latin, Greek and Cyrillic letters, and only those', () => {
    expect(mixedWords('Ahmed al-Shar\u0430a').map((w) => w.word)).toEqual(['Shar\u0430a']);
    for (const name of ['Сергей Лавров', 'Νίκος Δένδιας', 'أحمد الشرع', 'Sergei Лавров', 'Zelensky-Зеленський', 'Ahmed al-Sharaa']) expect(mixedWords(name)).toEqual([]);
  });

  it('names the odd letters by their place and alphabet, the most common one being the word’s', () => {
    const [word] = mixedWords('\u0405\u0435rg\u0435\u0456');
    expect(describeMixedWord(word!)).toBe('in “\u0405\u0435rg\u0435\u0456”, the 3rd letter “r” (U+0072) and the 4th letter “g” (U+0067) are Latin; the others are Cyrillic');
    const [mixed] = mixedWords('B\u0430\u03c3\u0430\u0440\u0430rrack');
    expect(describeMixedWord(mixed!)).toBe(
      'in “B\u0430\u03c3\u0430\u0440\u0430rrack”, the 2nd letter “\u0430” (U+0430) and the 4th letter “\u0430” (U+0430) are Cyrillic, the 3rd letter “\u03c3” (U+03C3) is Greek (and 2 more); the others are Latin',
    );
  });

  it('spells a mostly Latin name in Latin letters when every odd letter has a look-alike', () => {
    expect(latinSpelling('\u0410hmed al-Shar\u0430a, Сергей')).toBe('Ahmed al-Sharaa, Сергей');
    expect(latinSpelling('\u0405\u0435rg\u0435\u0456')).toBeUndefined();
    expect(latinSpelling('Shar\u0444a')).toBeUndefined();
  });

  it('writes ordinals as English does', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });
});
