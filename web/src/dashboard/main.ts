// The dashboard: one page, a view per tab (the URL's #hash), every figure read from the public GraphQL API with
// the key the user pastes (kept in this tab's sessionStorage only). An analyst key shows personal fields masked,
// exactly as the API returns them.
import './style.css';
import { Api, ApiError } from './api';
import { disposeCharts, resizeCharts } from './charts';
import { renderOverview } from './views/overview';
import { renderRfm } from './views/rfm';
import { renderSegments } from './views/segments';
import { renderClv } from './views/clv';
import { renderRules } from './views/rules';
import { renderCustomer } from './views/customer';
import { renderActions } from './views/actions';

const KEY = 'custograph.apiKey';
const view = document.getElementById('view')!;
const status = document.getElementById('status')!;
const keyInput = document.getElementById('api-key') as HTMLInputElement;

type Renderer = (api: Api, into: HTMLElement, argument: string | undefined) => Promise<void>;
const VIEWS: Record<string, Renderer> = {
  overview: renderOverview,
  rfm: renderRfm,
  segments: renderSegments,
  clv: renderClv,
  rules: renderRules,
  actions: renderActions,
  customer: renderCustomer,
};

document.getElementById('key-form')!.addEventListener('submit', event => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (key) sessionStorage.setItem(KEY, key);
  keyInput.value = '';
  show();
});
document.getElementById('forget-key')!.addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  show();
});
window.addEventListener('hashchange', show);

/**
 * Which call of show() is the current one. A key entered and a tab clicked while a view is loading start two renders;
 * each draws into a container of its own, and only the current one stays in the page and says it is ready (the
 * overview was drawn twice, cards and charts repeated, when both drew into the page).
 */
let current = 0;

/** Shows the view the hash names (#customer/ALFKI passes ALFKI on). */
async function show(): Promise<void> {
  const generation = ++current;
  const [name, ...rest] = (location.hash.replace(/^#/, '') || 'overview').split('/');
  const render = VIEWS[name] ?? renderOverview;
  document.querySelectorAll<HTMLAnchorElement>('#tabs a').forEach(a =>
    a.classList.toggle('active', a.getAttribute('href') === `#${VIEWS[name] ? name : 'overview'}`));
  disposeCharts();
  // display: contents keeps the cards the grid's own items, as if drawn straight into <main>.
  const into = document.createElement('div');
  into.style.display = 'contents';
  view.replaceChildren(into);
  view.dataset.view = VIEWS[name] ? name : 'overview';
  view.removeAttribute('data-ready');
  const key = sessionStorage.getItem(KEY);
  if (!key) {
    message('Paste an API key above to see the dashboard. On the demo, the server logs the admin key it made at start; analyst keys see '
      + 'personal fields masked.', 'info');
    return;
  }
  message('Loading…', 'info');
  try {
    await render(new Api(key), into, rest.length ? decodeURIComponent(rest.join('/')) : undefined);
    if (generation !== current) return;
    resizeCharts();
    message('', 'info');
  } catch (e) {
    if (generation !== current) return;
    const text = e instanceof ApiError ? e.message : `Something went wrong: ${(e as Error).message}`;
    message(text, 'error');
    if (e instanceof ApiError && e.classification === 'UNAUTHORIZED') sessionStorage.removeItem(KEY);
  } finally {
    if (generation === current) view.dataset.ready = 'true';
  }
}

function message(text: string, kind: 'info' | 'error'): void {
  status.textContent = text;
  status.className = text ? kind : '';
}

show();
