// ECharts, with only the chart kinds the dashboard uses (smaller bundle), drawn as SVG so that what is plotted is
// also in the page's DOM. Every chart sits in a card with a "Data" table of exactly the numbers it plots: for people
// who cannot see the chart, for copying, and for the browser tests, which compare it with the API.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent,
  TitleComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export type Option = echarts.EChartsCoreOption;

const live = new Set<echarts.ECharts>();
window.addEventListener('resize', () => live.forEach(chart => chart.resize()));

/** Fits every chart to its card once a view has laid out all its cards (a card's width depends on its siblings). */
export function resizeCharts(): void {
  live.forEach(chart => chart.resize());
}

/** Disposes the charts of the view being left. */
export function disposeCharts(): void {
  live.forEach(chart => chart.dispose());
  live.clear();
}

export interface Card {
  element: HTMLElement;
  body: HTMLElement;
}

/** A titled card; {@code name} goes into data-card for tests and styling. */
export function card(name: string, title: string, note?: string): Card {
  const element = document.createElement('section');
  element.className = 'card';
  element.dataset.card = name;
  const heading = document.createElement('h2');
  heading.textContent = title;
  element.append(heading);
  if (note) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = note;
    element.append(p);
  }
  const body = document.createElement('div');
  element.append(body);
  return { element, body };
}

/** Draws a chart into the card, with its data table underneath. */
export function chart(into: Card, option: Option, columns: string[], rows: (string | number)[][], height = 320): void {
  const holder = document.createElement('div');
  holder.className = 'chart';
  holder.style.height = `${height}px`;
  holder.setAttribute('role', 'img');
  holder.setAttribute('aria-label', into.element.querySelector('h2')?.textContent ?? 'chart');
  into.body.append(holder);
  const instance = echarts.init(holder, undefined, { renderer: 'svg' });
  instance.setOption({ animation: false, tooltip: {}, ...option });
  live.add(instance);
  const details = document.createElement('details');
  details.className = 'data';
  const summary = document.createElement('summary');
  summary.textContent = 'Data';
  details.append(summary, table(columns, rows));
  into.body.append(details);
}

/** A plain table; numbers right-aligned. */
export function table(columns: string[], rows: (string | number | Node)[][]): HTMLTableElement {
  const element = document.createElement('table');
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.textContent = column;
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const value of row) {
      const td = tr.insertCell();
      if (value instanceof Node) td.append(value);
      else td.textContent = String(value);
      if (typeof value === 'number' || /^-?[\d,]+(\.\d+)?%?$/.test(String(value))) td.className = 'number';
    }
  }
  return element;
}

/** A quiet line saying there is nothing to show yet, and what would fill it. */
export function empty(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = text;
  return p;
}
