/** A unit among its peers: the share it is above, the median, the points short of the top ten; nothing when too few. */
import { describe, expect, it } from 'vitest';
import { halfOf } from '../../src/domain/decimal.js';
import { peerStanding, rankAmong } from '../../src/domain/peers.js';

const twelve = ['90', '89.5', '88', '87.25', '86', '85', '84', '83', '82', '81', '80', '79'];

describe('peerStanding', () => {
  it('says nothing with fewer than five peers, nor without a total', () => {
    expect(peerStanding('80', ['80', '70', '60', '50'])).toBeNull();
    expect(peerStanding(null, twelve)).toBeNull();
    expect(peerStanding('80', ['80', '70', null, null, null, '60', '50'])).toBeNull();
  });

  it('counts the others strictly below, rounded down, and gives the exact median', () => {
    const standing = peerStanding('84', twelve);
    // 5 of the 11 others are below 84: 45,45…% → 45.
    expect(standing).toEqual({ count: 12, abovePercent: 45, median: '84.5', top: { gap: null } });
  });

  it('gives the points short of the tenth when outside the top ten', () => {
    expect(peerStanding('79', twelve)?.top).toEqual({ gap: '2' });
    expect(peerStanding('80', twelve)?.abovePercent).toBe(9);
  });

  it('puts the unit at the top above every other, in the top ten', () => {
    expect(peerStanding('90', twelve)).toMatchObject({ abovePercent: 100, top: { gap: null } });
  });

  it('counts a tie as neither above nor below', () => {
    const tied = ['85', '85', '85', '70', '60'];
    expect(peerStanding('85', tied)).toEqual({ count: 5, abovePercent: 50, median: '85', top: null });
  });

  it('says nothing of a top ten in a group of ten or fewer', () => {
    expect(peerStanding('50', twelve.slice(0, 9).concat('50'))?.top).toBeNull();
  });

  it('keeps the median of an even group exact, past the second decimal', () => {
    expect(peerStanding('62.88', ['63.47', '62.88', '61.2', '60.01', '59.99', '10'])?.median).toBe('60.605');
    expect(halfOf('125.95')).toBe('62.975');
  });
});

describe('rankAmong', () => {
  it('is a competition rank among the others: ties share the better place', () => {
    expect(rankAmong('85', ['90', '85', '80'])).toEqual({ rank: 2, rankOf: 4 });
    expect(rankAmong('95', ['90', null, '80'])).toEqual({ rank: 1, rankOf: 3 });
  });
});
