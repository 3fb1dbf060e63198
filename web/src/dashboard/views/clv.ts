import type { Api } from '../api';
import type { ClvQuery } from '../../generated/graphql';
import { card, chart, empty, table } from '../charts';
import { formatCount, formatMoney, formatShare } from '../shape';

const CLV = /* GraphQL */ `query Clv {
  analyticsRun { warnings }
  clvHistogram(bins: 20) { customers cappedAt aboveCap bins { from to customers } }
  topCustomers(first: 20) { id name country value { clv pAlive rfm { segment frequency monetary } } }
  valueSample(first: 2000) { customerId segmentId segmentName frequency pAlive } }`;

export async function renderClv(api: Api, into: HTMLElement): Promise<void> {
  const { data } = await api.query<ClvQuery>(CLV);
  const warnings = data.analyticsRun?.warnings ?? [];
  if (warnings.length > 0) {
    // Above the numbers they qualify: a P(alive) of 100% for everyone reads as good news unless said otherwise.
    const warned = card('model-warnings', 'Model warnings', 'The latest analytics run’s models cannot be fully trusted:');
    warned.element.classList.add('warning');
    const list = document.createElement('ul');
    for (const warning of warnings) {
      const item = document.createElement('li');
      item.textContent = warning;
      list.append(item);
    }
    warned.body.append(list);
    into.append(warned.element);
  }
  const h = data.clvHistogram;
  const histogram = card('clv-histogram', 'Customer lifetime value',
    `${formatCount(h.customers)} customers. Equal bins up to the 99th percentile (${formatMoney(h.cappedAt)})`
    + (h.aboveCap === 0 ? '.' : h.aboveCap === 1 ? '; the one customer above it is in the last bin.'
      : `; the ${formatCount(h.aboveCap)} above it are in the last bin.`));
  into.append(histogram.element);
  if (h.customers === 0) {
    histogram.body.append(empty('No analytics run yet: run `custograph analyze` or runAnalytics.'));
    return;
  }
  const label = (b: { from: number; to: number }, last: boolean) =>
    last ? `≥ ${Math.round(b.from)}` : `${Math.round(b.from)}–${Math.round(b.to)}`;
  chart(histogram, {
    grid: { left: 60, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: h.bins.map((b, i) => label(b, i === h.bins.length - 1)), axisLabel: { rotate: 40 } },
    yAxis: { type: 'value', name: 'Customers' },
    series: [{ type: 'bar', name: 'Customers', data: h.bins.map(b => b.customers), barCategoryGap: '5%' }],
  }, ['From', 'To', 'Customers'], h.bins.map(b => [b.from, b.to, b.customers]));

  const top = card('top-customers', 'Top customers by CLV', 'The latest analytics run’s highest predicted lifetime values.');
  into.append(top.element);
  top.body.append(table(['Customer', 'Name', 'Country', 'CLV', 'P(alive)', 'Orders', 'Spent', 'RFM segment'],
    data.topCustomers.map(c => [link(c.id), c.name ?? '', c.country ?? '', formatMoney(c.value?.clv),
      formatShare(c.value?.pAlive), formatCount(c.value?.rfm.frequency), formatMoney(c.value?.rfm.monetary),
      c.value?.rfm.segment ?? ''])));

  const alive = card('palive-frequency', 'P(alive) by frequency',
    'BG/NBD: how likely each sampled customer is still buying, against how often it bought.');
  into.append(alive.element);
  const points = data.valueSample.filter(p => typeof p.frequency === 'number' && typeof p.pAlive === 'number')
    .map(p => [p.frequency as number, p.pAlive as number, p.customerId] as [number, number, string]);
  chart(alive, {
    grid: { left: 60, right: 20, top: 20, bottom: 50 },
    xAxis: { type: 'value', name: 'Orders', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: 'P(alive)', min: 0, max: 1 },
    tooltip: { formatter: (p: { value: [number, number, string] }) => `${p.value[2]}: ${p.value[0]} orders, P(alive) ${formatShare(p.value[1])}` },
    series: [{ type: 'scatter', name: 'Customers', data: points, symbolSize: 5 }],
  }, ['Customer', 'Orders', 'P(alive)'], points.map(p => [p[2], p[0], p[1]]), 360);
}

function link(id: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `#customer/${encodeURIComponent(id)}`;
  a.textContent = id;
  return a;
}
