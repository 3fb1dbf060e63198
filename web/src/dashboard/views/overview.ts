import type { Api } from '../api';
import type { OverviewQuery } from '../../generated/graphql';
import { card, chart, empty } from '../charts';
import { formatCount, formatMoney, formatShare } from '../shape';

const OVERVIEW = /* GraphQL */ `query Overview { dashboard {
    customers activeCustomers activeDays lastOrderDate
    revenueByMonth { month revenue orders customers }
    segments { id name size revenueShare action }
    churn { scored atRisk rate threshold horizonDays } } }`;

export async function renderOverview(api: Api, into: HTMLElement): Promise<void> {
  const { data } = await api.query<OverviewQuery>(OVERVIEW);
  const d = data.dashboard;
  const revenue = d.revenueByMonth.reduce((sum, m) => sum + m.revenue, 0);

  const tiles = document.createElement('div');
  tiles.className = 'tiles';
  tiles.append(
    tile('customers', 'Customers', formatCount(d.customers)),
    tile('active', `Active (${d.activeDays} days)`, formatCount(d.activeCustomers),
      d.lastOrderDate ? `ordered in the ${d.activeDays} days to ${d.lastOrderDate}` : 'no orders yet'),
    tile('revenue', 'Revenue', formatMoney(revenue), `${d.revenueByMonth.length} months`),
    tile('churn-rate', 'Churn rate', d.churn ? formatShare(d.churn.rate) : '–',
      d.churn ? `${formatCount(d.churn.atRisk)} of ${formatCount(d.churn.scored)} at ≥ ${formatShare(d.churn.threshold, 0)}`
        + (d.churn.horizonDays ? ` over ${d.churn.horizonDays} days` : '') : 'run churn to score customers'),
  );
  into.append(tiles);

  const lastMonth = d.revenueByMonth[d.revenueByMonth.length - 1]?.month;
  const partial = d.lastOrderDate && lastMonth && !isLastDayOfMonth(d.lastOrderDate)
    ? ` The data ends on ${d.lastOrderDate}, so ${lastMonth} is a partial month.` : '';
  const months = card('revenue-by-month', 'Revenue by month', `Orders that were not cancelled.${partial}`);
  into.append(months.element);
  chart(months, {
    grid: { left: 70, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: d.revenueByMonth.map(m => m.month) },
    yAxis: { type: 'value' },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'line', name: 'Revenue', data: d.revenueByMonth.map(m => m.revenue), smooth: false, symbolSize: 5 }],
  }, ['Month', 'Revenue', 'Orders', 'Customers'], d.revenueByMonth.map(m => [m.month, m.revenue, m.orders, m.customers]));

  const segments = card('segment-sizes', 'Segment sizes', d.segments.length
    ? 'Customers per K-Means segment of the latest segmentation.' : undefined);
  into.append(segments.element);
  if (d.segments.length === 0) {
    segments.body.append(empty('No segmentation yet: run `custograph segment` or runAnalytics with segments.'));
  } else {
    chart(segments, {
      grid: { left: 150, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: d.segments.map(s => s.name), inverse: true },
      series: [{ type: 'bar', name: 'Customers', data: d.segments.map(s => s.size), label: { show: true, position: 'right' } }],
    }, ['Segment', 'Customers', 'Revenue share', 'Action'],
    d.segments.map(s => [s.name, s.size, s.revenueShare, s.action ?? '']), Math.max(160, 40 * d.segments.length));
  }
}

function tile(name: string, label: string, value: string, note?: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'tile';
  element.dataset.tile = name;
  element.innerHTML = '<span class="label"></span><span class="value"></span><span class="note"></span>';
  element.querySelector('.label')!.textContent = label;
  element.querySelector('.value')!.textContent = value;
  element.querySelector('.note')!.textContent = note ?? '';
  return element;
}


function isLastDayOfMonth(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.getUTCDate() === 1;
}
