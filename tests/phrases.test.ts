import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../src/lexicon/phrases.js';
import { loadLexicon } from '../src/pipeline.js';

describe('phrase index (titles, suffixes, honorifics)', () => {
  it('finds the longest phrase at a position and the longest ending at one, the first given of a phrase given twice', () => {
    const index = new PhraseIndex([
      { phrase: '副总', value: 1 }, { phrase: '副总裁', value: 2 }, { phrase: '副总裁', value: 3 }, { phrase: '公司', value: 4 }, { phrase: '有限公司', value: 5 },
    ]);
    expect(index.longestAt('有请副总裁王强', 2)).toEqual({ phrase: '副总裁', value: 2 });
    expect(index.longestAt('副总经理', 0)?.phrase).toBe('副总');
    expect(index.longestAt('副', 0)).toBeUndefined();
    expect(index.longestAt('总裁', 0)).toBeUndefined();
    expect(index.longestEndingAt('星河科技有限公司', 8)?.value).toBe(5);
    expect(index.longestEndingAt('星河科技有限公司', 8, 3)?.value).toBe(4);
    expect(index.longestEndingAt('星河科技', 4)).toBeUndefined();
  });

  it('reads the titles and endings of the lexicon on an introduction', () => {
    const lexicon = loadLexicon();
    const line = '有请中国移动通信集团有限公司党组成员、副总经理高同庆先生';
    expect(lexicon.titleIndex.longestAt(line, line.indexOf('副总经理'))?.phrase).toBe('副总经理');
    expect(lexicon.suffixIndex.longestEndingAt(line, line.indexOf('党组'))?.phrase).toBe('集团有限公司');
    expect(lexicon.honorificIndex.longestAt(line, line.indexOf('先生'))?.phrase).toBe('先生');
  });
});
