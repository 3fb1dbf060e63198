import { describe, expect, it } from 'vitest';
import { formatMoney, formatShare, rfmHeatmap, scatterBySegment, searchKind, sortRules, type Rule } from './shape';

describe('rfmHeatmap', () => {
  it('fills all 25 cells, empty ones with zero customers', () => {
    const points = rfmHeatmap([{ r: 5, f: 5, customers: 12, averageMonetary: 900.5 }, { r: 1, f: 2, customers: 3, averageMonetary: 20 }]);
    expect(points).toHaveLength(25);
    expect(points).toContainEqual([4, 4, 12, 900.5]);
    expect(points).toContainEqual([1, 0, 3, 20]);
    expect(points.filter(p => p[2] === 0)).toHaveLength(23);
  });
});

describe('scatterBySegment', () => {
  it('groups by segment name, sorted, and skips customers missing a feature', () => {
    const series = scatterBySegment([
      { customerId: 'A', segmentId: '1', segmentName: 'Loyal', frequency: 5, clv: 100 },
      { customerId: 'B', segmentId: null, segmentName: null, frequency: 1, clv: 3 },
      { customerId: 'C', segmentId: '2', segmentName: 'At risk', frequency: 2, clv: null },
      { customerId: 'D', segmentId: '1', segmentName: 'Loyal', frequency: 7, clv: 240 },
    ], 'frequency', 'clv');
    expect(series.map(s => s.name)).toEqual(['Loyal', 'No segment']);
    expect(series[0].points).toEqual([[5, 100, 'A'], [7, 240, 'D']]);
  });
});

describe('sortRules', () => {
  const rule = (lift: number, confidence: number): Rule =>
    ({ antecedent: [], consequent: [], support: 0.1, confidence, lift, count: 1 });
  it('sorts by the chosen measure and keeps the server order on ties', () => {
    const a = rule(3, 0.2), b = rule(2, 0.5), c = rule(1, 0.5);
    expect(sortRules([a, b, c], 'confidence')).toEqual([b, c, a]);
    expect(sortRules([a, b, c], 'lift', true)).toEqual([c, b, a]);
  });
});

describe('searchKind and formatting', () => {
  it('tells an email from a name or id', () => {
    expect(searchKind(' anna@example.com ')).toBe('email');
    expect(searchKind('ALFKI')).toBe('name-or-id');
    expect(searchKind('  ')).toBe('empty');
  });
  it('formats money, shares and missing values', () => {
    expect(formatMoney(1234.5)).toBe('1,234.50');
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatMoney(null)).toBe('–');
  });
});
