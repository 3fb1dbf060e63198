import type { Api } from '../api';
import type { Customer360Query, Customer360QueryVariables, FindQuery, FindQueryVariables } from '../../generated/graphql';
import { card, empty, table } from '../charts';
import { formatCount, formatMoney, formatShare, searchKind } from '../shape';

const FIND = /* GraphQL */ `query Find($name: String, $email: String, $id: ID!) {
  byId: customer(id: $id) { id }
  customers(first: 20, filter: { namePrefix: $name, email: $email }) { edges { node { id name city country } } } }`;

const PROFILE = /* GraphQL */ `query Customer360($id: ID!) { customer(id: $id) {
  id name contactName email phone city country registeredAt
  totals { orders revenue averageOrderValue firstOrderDate lastOrderDate }
  value { asOf clv pAlive rfm { recencyDays frequency monetary r f m segment } }
  segment { name action }
  churnRisk { probability horizonDays }
  nextBestAction { label expectedValue uplift reasons product { id name } }
  orderHistory(first: 10) { totalCount edges { node { id orderDate total status } } }
  similarCustomers(first: 5) { customer { id name } score sharedProducts }
  recommendations(first: 5) { product { id name price } score reasons { kind text } } } }`;

export async function renderCustomer(api: Api, into: HTMLElement, id?: string): Promise<void> {
  const search = card('customer-search', 'Find a customer', 'By id, the start of the name, or (admin keys) the email address.');
  into.append(search.element);
  const form = document.createElement('form');
  form.className = 'controls';
  form.innerHTML = '<input id="customer-query" type="search" placeholder="ALFKI, Alfreds…, anna@example.com" size="40">'
    + '<button type="submit">Search</button>';
  search.body.append(form);
  const results = document.createElement('div');
  results.id = 'customer-results';
  search.body.append(results);
  const input = form.querySelector('input')!;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = input.value.trim();
    const kind = searchKind(text);
    if (kind === 'empty') return;
    const variables: FindQueryVariables = kind === 'email' ? { email: text, name: null, id: text }
      : { name: text, email: null, id: text };
    const { data, errors } = await api.query<FindQuery>(FIND, variables)
      .catch(e => ({ data: null, errors: [{ message: e.message }] }));
    if (!data) {
      results.replaceChildren(empty(errors[0]?.message ?? 'The search failed'));
      return;
    }
    if (data.byId) {
      location.hash = `#customer/${encodeURIComponent(data.byId.id)}`;
      return;
    }
    const found = data.customers?.edges.map(e => e.node) ?? [];
    if (found.length === 1) {
      location.hash = `#customer/${encodeURIComponent(found[0].id)}`;
      return;
    }
    results.replaceChildren(found.length === 0 ? empty(errors[0]?.message ?? `No customer matches “${text}”.`)
      : table(['Customer', 'Name', 'City', 'Country'], found.map(c => [link(c.id, c.id), c.name ?? '', c.city ?? '', c.country ?? ''])));
  });
  if (!id) return;
  input.value = id;

  const variables: Customer360QueryVariables = { id };
  const { data } = await api.query<Customer360Query>(PROFILE, variables);
  const c = data.customer;
  if (!c) {
    into.append(empty(`No customer has the id “${id}”.`));
    return;
  }
  const profile = card('customer-profile', c.name ?? c.id);
  profile.element.dataset.customer = c.id;
  into.append(profile.element);
  profile.body.append(facts([
    ['Id', c.id], ['Contact', c.contactName], ['Email', c.email], ['Phone', c.phone],
    ['City', c.city], ['Country', c.country], ['Registered', c.registeredAt],
    ['Orders', formatCount(c.totals.orders)], ['Revenue', formatMoney(c.totals.revenue)],
    ['Average order', formatMoney(c.totals.averageOrderValue)],
    ['First / last order', `${c.totals.firstOrderDate ?? '–'} / ${c.totals.lastOrderDate ?? '–'}`],
  ]));

  // One decision first: the models below may disagree (a "reward" segment, a 99% churn risk); this weighs them.
  const next = card('customer-next-action', 'Next best action', 'Chosen by the policy from every figure below.');
  into.append(next.element);
  const action = c.nextBestAction;
  if (!action) {
    next.body.append(empty('No action decided yet: run `custograph actions` (or runAnalytics).'));
  } else {
    next.body.append(facts([
      ['Action', action.label], ['Offer', action.product ? (action.product.name ?? action.product.id) : '–'],
      ['Expected value', formatMoney(action.expectedValue)], ['Uplift', formatMoney(action.uplift)],
    ]));
    const why = document.createElement('ul');
    why.className = 'reasons';
    action.reasons.forEach(r => {
      const li = document.createElement('li');
      li.textContent = r;
      why.append(li);
    });
    next.body.append(why);
  }

  const value = card('customer-value', 'Value and risk');
  into.append(value.element);
  value.body.append(facts([
    ['CLV', c.value ? formatMoney(c.value.clv) : 'not analysed'],
    ['P(alive)', c.value ? formatShare(c.value.pAlive) : '–'],
    ['RFM', c.value ? `${c.value.rfm.r}-${c.value.rfm.f}-${c.value.rfm.m} ${c.value.rfm.segment}` : '–'],
    ['Segment', c.segment ? c.segment.name : '–'],
    ['Segment suggests', c.segment?.action ?? '–'],
    ['Churn risk', c.churnRisk ? `${formatShare(c.churnRisk.probability)} within ${c.churnRisk.horizonDays} days` : 'not scored'],
  ]));

  const orders = card('customer-orders', `Orders (${formatCount(c.orderHistory.totalCount)})`, 'The ten most recent.');
  into.append(orders.element);
  orders.body.append(table(['Order', 'Date', 'Status', 'Total'],
    c.orderHistory.edges.map(e => [e.node.id, e.node.orderDate, e.node.status ?? '', formatMoney(e.node.total)])));

  const recommendations = card('customer-recommendations', 'Recommended for this customer');
  into.append(recommendations.element);
  recommendations.body.append(c.recommendations.length === 0 ? empty('Nothing to recommend yet.')
    : table(['Product', 'Price', 'Score', 'Why'], c.recommendations.map(r => [r.product.name ?? r.product.id,
      formatMoney(r.product.price), r.score.toFixed(3), r.reasons.map(reason => reason.text).join('; ')])));

  const similar = card('customer-similar', 'Similar customers', 'Who bought most like this one.');
  into.append(similar.element);
  similar.body.append(c.similarCustomers.length === 0 ? empty('No similar customers found.')
    : table(['Customer', 'Name', 'Similarity', 'Shared products'], c.similarCustomers.map(s =>
      [link(s.customer.id, s.customer.id), s.customer.name ?? '', s.score.toFixed(3), s.sharedProducts])));
}

function facts(rows: [string, string | null][]): HTMLElement {
  const list = document.createElement('dl');
  list.className = 'facts';
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value ?? '–';
    dd.dataset.fact = term;
    list.append(dt, dd);
  }
  return list;
}

function link(id: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `#customer/${encodeURIComponent(id)}`;
  a.textContent = text;
  return a;
}
