// Pure functions that turn API answers into what the charts and tables show. Kept apart from the DOM so that they
// are tested on their own (shape.test.ts).

export interface RfmCell { r: number; f: number; customers: number; averageMonetary: number }

/** The 5 x 5 recency x frequency grid as ECharts heatmap points [f - 1, r - 1, customers, averageMonetary]. */
export function rfmHeatmap(cells: RfmCell[]): [number, number, number, number][] {
  const grid = new Map<string, RfmCell>();
  for (const cell of cells) grid.set(`${cell.r},${cell.f}`, cell);
  const points: [number, number, number, number][] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const cell = grid.get(`${r},${f}`);
      points.push([f - 1, r - 1, cell?.customers ?? 0, cell?.averageMonetary ?? 0]);
    }
  }
  return points;
}

export interface CustomerPoint {
  customerId: string;
  segmentId: string | null;
  segmentName: string | null;
  [feature: string]: string | number | null;
}

/** The features a scatter plot may use, with their labels. */
export const FEATURES: Record<string, string> = {
  recencyDays: 'Recency (days)',
  frequency: 'Frequency (orders)',
  monetary: 'Monetary',
  tenureDays: 'Tenure (days)',
  averageOrderValue: 'Average order value',
  clv: 'CLV',
  pAlive: 'P(alive)',
  churnProbability: 'Churn probability',
};

export interface ScatterSeries { name: string; points: [number, number, string][] }

/** One series per segment (customers without one under "No segment"), skipping points missing either feature. */
export function scatterBySegment(points: CustomerPoint[], x: string, y: string): ScatterSeries[] {
  const bySegment = new Map<string, [number, number, string][]>();
  for (const point of points) {
    const px = point[x];
    const py = point[y];
    if (typeof px !== 'number' || typeof py !== 'number') continue;
    const name = point.segmentName ?? 'No segment';
    if (!bySegment.has(name)) bySegment.set(name, []);
    bySegment.get(name)!.push([px, py, point.customerId]);
  }
  return [...bySegment.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, pts]) => ({ name, points: pts }));
}

export interface Rule {
  antecedent: { id: string; name: string | null }[];
  consequent: { id: string; name: string | null }[];
  support: number;
  confidence: number;
  lift: number;
  count: number;
}

export type RuleSortKey = 'support' | 'confidence' | 'lift' | 'count';

/** Rules sorted by one measure, largest first unless ascending; ties keep the server's order (by lift). */
export function sortRules(rules: Rule[], key: RuleSortKey, ascending = false): Rule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => (ascending ? a.rule[key] - b.rule[key] : b.rule[key] - a.rule[key]) || a.index - b.index)
    .map(({ rule }) => rule);
}

/** What the Customer 360 search box holds: an email (admins only), an id as the data has them, or a name's start. */
export function searchKind(text: string): 'email' | 'name-or-id' | 'empty' {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? 'email' : 'name-or-id';
}

const money = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-GB');

export function formatMoney(value: number | null | undefined): string {
  return value == null ? '–' : money.format(value);
}

export function formatCount(value: number | null | undefined): string {
  return value == null ? '–' : count.format(value);
}

export function formatShare(value: number | null | undefined, digits = 1): string {
  return value == null ? '–' : `${(value * 100).toFixed(digits)}%`;
}
