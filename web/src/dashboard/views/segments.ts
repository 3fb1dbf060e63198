import type { Api } from '../api';
import type { SegmentsQuery, SegmentsQueryVariables } from '../../generated/graphql';
import { card, chart, disposeCharts, empty, table } from '../charts';
import { FEATURES, formatCount, formatShare, scatterBySegment } from '../shape';

const SAMPLE = 2000;
const LOGGABLE = ['monetary', 'frequency', 'clv', 'averageOrderValue'];

const SEGMENTS = /* GraphQL */ `query Segments($sample: Int!) {
  valueSample(first: $sample) { customerId segmentId segmentName recencyDays frequency monetary tenureDays
                                averageOrderValue clv pAlive churnProbability }
  segments { id name size revenueShare action centroid { feature value } } }`;

export async function renderSegments(api: Api, into: HTMLElement): Promise<void> {
  const variables: SegmentsQueryVariables = { sample: SAMPLE };
  const { data } = await api.query<SegmentsQuery>(SEGMENTS, variables);
  const scatter = card('segment-scatter', 'Customers by segment',
    `An even sample of up to ${SAMPLE.toLocaleString('en-GB')} analysed customers (every k-th by id), coloured by K-Means segment.`);
  into.append(scatter.element);
  if (data.valueSample.length === 0) {
    scatter.body.append(empty('No analytics run yet: run `custograph analyze` and `custograph segment`.'));
    return;
  }
  const controls = document.createElement('div');
  controls.className = 'controls';
  const x = select('x-feature', 'X', 'recencyDays');
  const y = select('y-feature', 'Y', 'monetary');
  const log = document.createElement('label');
  log.innerHTML = '<input type="checkbox" id="log-scale" checked> log scale for money and counts';
  controls.append(x.label, y.label, log);
  scatter.body.append(controls);
  const plot = document.createElement('div');
  scatter.body.append(plot);

  const draw = () => {
    disposeCharts();
    plot.replaceChildren();
    const logScale = (log.querySelector('input') as HTMLInputElement).checked;
    const xf = x.select.value;
    const yf = y.select.value;
    // A log axis cannot place zero, and a CLV of 1e-19 would stretch it over twenty decades: values under 0.01 are
    // left out there, and counted in the data table.
    const isLog = (feature: string) => logScale && LOGGABLE.includes(feature);
    const axis = (feature: string) => ({
      type: isLog(feature) ? 'log' : 'value', name: FEATURES[feature], nameLocation: 'middle', nameGap: 32, scale: true,
    });
    const series = scatterBySegment(data.valueSample, xf, yf).map(s => ({
      name: s.name,
      points: s.points.filter(p => (!isLog(xf) || p[0] >= 0.01) && (!isLog(yf) || p[1] >= 0.01)),
      left: s.points.length,
    }));
    chart({ element: scatter.element, body: plot }, {
      grid: { left: 80, right: 20, top: 40, bottom: 50 },
      legend: { top: 0 },
      xAxis: axis(xf),
      yAxis: axis(yf),
      tooltip: { formatter: (p: { value: [number, number, string]; seriesName: string }) =>
        `${p.value[2]} (${p.seriesName}): ${p.value[0]}, ${p.value[1]}` },
      series: series.map(s => ({ type: 'scatter', name: s.name, data: s.points, symbolSize: 5 })),
    }, ['Segment', 'Customers plotted', 'Left out (under 0.01 on a log axis)'],
    series.map(s => [s.name, s.points.length, s.left - s.points.length]), 420);
  };
  x.select.addEventListener('change', draw);
  y.select.addEventListener('change', draw);
  log.querySelector('input')!.addEventListener('change', draw);
  draw();

  const list = card('segment-table', 'Segments', 'The current K-Means segments, largest first, with their centroids.');
  into.append(list.element);
  if (data.segments.length === 0) {
    list.body.append(empty('No segmentation yet: run `custograph segment`.'));
  } else {
    list.body.append(table(['Segment', 'Customers', 'Revenue share', 'Centroid', 'Suggested action'],
      data.segments.map(s => [s.name, formatCount(s.size), formatShare(s.revenueShare),
        s.centroid.map(c => `${c.feature} ${c.value == null ? '–' : c.value.toFixed(1)}`).join(', '), s.action ?? ''])));
  }
}

function select(id: string, text: string, chosen: string): { label: HTMLLabelElement; select: HTMLSelectElement } {
  const label = document.createElement('label');
  label.textContent = `${text} `;
  const element = document.createElement('select');
  element.id = id;
  for (const [value, name] of Object.entries(FEATURES)) {
    const option = new Option(name, value, value === chosen, value === chosen);
    element.add(option);
  }
  label.append(element);
  return { label, select: element };
}
