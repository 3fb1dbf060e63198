// The "recommended for you" widget a shop drops into any page:
//   <script src="https://custograph.example.com/widget.js" data-customer="ID" data-api-key="APP-KEY"></script>
// It renders right after its own <script> tag (or into data-target), inside a Shadow DOM so the page's CSS cannot
// reach it, and asks Custograph (where the script came from) for that customer's recommendations, at
// GET /widget/recommendations, which answers as the GraphQL query would and can be cached by the browser.
// On a public page, use a widget key and data-signature: the customer id signed by the shop's server with the key's
// secret (docs/dashboard.md), so a key copied from the page reads no one else's recommendations.
// Optional: data-count (1-12, default 4), data-title, data-currency (an ISO code such as EUR, for prices).
import { fetchJson, refusal } from '../shared/http';
import { buildStrip, type Recommendation } from './strip';

function start(script: HTMLScriptElement): void {
  const customer = script.dataset.customer?.trim();
  const key = script.dataset.apiKey?.trim();
  const count = Math.min(12, Math.max(1, Number(script.dataset.count ?? 4) || 4));
  const host = document.createElement('div');
  host.className = 'custograph-widget';
  const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
  if (target) target.append(host);
  else script.after(host);
  const root = host.attachShadow({ mode: 'open' });
  const render = (state: string, content: Node) => {
    host.dataset.state = state;
    root.replaceChildren(content);
  };
  const build = (recommendations: Recommendation[] | null, message?: string) => buildStrip({
    title: script.dataset.title ?? 'Recommended for you',
    currency: script.dataset.currency,
    recommendations,
    message,
  });
  if (!customer || !key) {
    console.warn('Custograph widget: data-customer and data-api-key are both needed');
    render('error', build(null, 'Recommendations are unavailable.'));
    return;
  }
  render('loading', build(null, 'Loading recommendations…'));
  // The widget's own GET endpoint: the same answer as the GraphQL query, and the browser keeps it and asks with
  // If-None-Match whether it still holds (a 304 costs no body).
  const endpoint = new URL('/widget/recommendations', script.src || location.href);
  endpoint.searchParams.set('customer', customer);
  endpoint.searchParams.set('first', String(count));
  fetchJson<never>(endpoint.href, {
    headers: {
      Authorization: `Bearer ${key}`,
      'X-Customer-Id': customer,
      ...(script.dataset.signature ? { 'X-Customer-Signature': script.dataset.signature.trim() } : {}),
    },
  })
    .then(answer => {
      const list = answer.body.recommendations as Recommendation[] | undefined;
      if (answer.status < 200 || answer.status >= 300 || !Array.isArray(list) || (list.length === 0 && answer.body.errors?.length)) {
        throw refusal(answer);
      }
      if (list.length === 0) render('empty', build([], 'No recommendations yet: have a look around the shop.'));
      else render('ready', build(list));
    })
    .catch((error: Error) => {
      // The shop's page must never break because of us: a quiet note for the shopper, details for its developers.
      console.warn(`Custograph widget: ${error.message}`);
      render('error', build(null, 'Recommendations are unavailable right now.'));
    });
}

const current = document.currentScript as HTMLScriptElement | null;
if (current) start(current);
else document.querySelectorAll<HTMLScriptElement>('script[data-customer][src*="widget.js"]').forEach(start);
