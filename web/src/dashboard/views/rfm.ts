import type { Api } from '../api';
import type { RfmQuery } from '../../generated/graphql';
import { card, chart, empty, table } from '../charts';
import { formatCount, formatMoney, rfmHeatmap } from '../shape';

const RFM = /* GraphQL */ `query Rfm { rfmGrid { r f customers averageMonetary }
  rfmDistribution { segment customers revenue action } }`;

export async function renderRfm(api: Api, into: HTMLElement): Promise<void> {
  const { data } = await api.query<RfmQuery>(RFM);
  const grid = card('rfm-heatmap', 'Recency × frequency',
    'Customers per pair of RFM scores (5 is best: bought most recently, buys most often); hover for their average monetary value.');
  into.append(grid.element);
  if (data.rfmGrid.length === 0) {
    grid.body.append(empty('No analytics run yet: run `custograph analyze` or runAnalytics.'));
    return;
  }
  const points = rfmHeatmap(data.rfmGrid);
  const scores = ['1', '2', '3', '4', '5'];
  chart(grid, {
    grid: { left: 90, right: 30, top: 10, bottom: 100 },
    xAxis: { type: 'category', data: scores, name: 'Frequency score', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: scores, name: 'Recency score', nameLocation: 'middle', nameGap: 40 },
    visualMap: { dimension: 2, min: 0, max: Math.max(...points.map(p => p[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    tooltip: {
      formatter: (p: { value: [number, number, number, number] }) =>
        `R ${p.value[1] + 1}, F ${p.value[0] + 1}: ${formatCount(p.value[2])} customers, average ${formatMoney(p.value[3])}`,
    },
    series: [{ type: 'heatmap', name: 'Customers', data: points, label: { show: true } }],
  }, ['R', 'F', 'Customers', 'Average monetary'],
  data.rfmGrid.map(c => [c.r, c.f, c.customers, c.averageMonetary]), 380);

  const spend = card('rfm-monetary', 'Average monetary value by recency × frequency',
    'What the customers of each cell spent on average, up to the run’s as-of date.');
  into.append(spend.element);
  chart(spend, {
    grid: { left: 90, right: 30, top: 10, bottom: 100 },
    xAxis: { type: 'category', data: scores, name: 'Frequency score', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: scores, name: 'Recency score', nameLocation: 'middle', nameGap: 40 },
    visualMap: { dimension: 3, min: 0, max: Math.max(...points.map(p => p[3])), calculable: true, orient: 'horizontal',
      left: 'center', bottom: 0, inRange: { color: ['#fff4d6', '#e8a33d', '#9c4a00'] } },
    tooltip: {
      formatter: (p: { value: [number, number, number, number] }) =>
        `R ${p.value[1] + 1}, F ${p.value[0] + 1}: average ${formatMoney(p.value[3])} over ${formatCount(p.value[2])} customers`,
    },
    series: [{ type: 'heatmap', name: 'Average monetary', data: points,
      label: { show: true, formatter: (p: { value: number[] }) => (p.value[2] ? String(Math.round(p.value[3])) : '') } }],
  }, ['R', 'F', 'Average monetary', 'Customers'],
  data.rfmGrid.map(c => [c.r, c.f, c.averageMonetary, c.customers]), 380);

  const segments = card('rfm-segments', 'RFM segments and what to do', 'From the R and F scores of the latest analytics run.');
  into.append(segments.element);
  segments.body.append(table(['Segment', 'Customers', 'Revenue', 'Suggested action'],
    data.rfmDistribution.map(s => [s.segment, formatCount(s.customers), formatMoney(s.revenue), s.action ?? ''])));
}
