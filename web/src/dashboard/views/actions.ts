import type { Api } from '../api';
import type {
  ActionCountsQuery, ActionListQuery, ActionListQueryVariables,
} from '../../generated/graphql';
import { card, chart, empty, table } from '../charts';
import { formatCount, formatMoney } from '../shape';

const PAGE = 50;

const COUNTS = /* GraphQL */ `query ActionCounts { nextBestActionCounts { action label customers expectedValue uplift } }`;

const LIST = /* GraphQL */ `query ActionList($action: String, $first: Int, $after: String) {
  nextBestActions(action: $action, first: $first, after: $after) {
    totalCount
    edges { node { id name nextBestAction { action label expectedValue uplift reasons product { id name } } } }
    pageInfo { hasNextPage endCursor } } }`;

/**
 * Next best actions: how many customers each action was chosen for (a bar chart, with its data), and the customers
 * worth most with theirs, a page at a time, for one action or all. Each row says why; the name links to Customer 360.
 */
export async function renderActions(api: Api, into: HTMLElement, chosen?: string): Promise<void> {
  const { data } = await api.query<ActionCountsQuery>(COUNTS);
  const counts = card('action-counts', 'Next best actions',
    'Customers per action of the latest actions run, chosen by the policy from CLV, churn risk, segments, birthdays '
    + 'and recommendations; uplift is what the actions are expected to add, net of their cost.');
  into.append(counts.element);
  if (data.nextBestActionCounts.length === 0) {
    counts.body.append(empty('No actions yet: run `custograph actions`, or runAnalytics, which decides them last.'));
    return;
  }
  const rows = data.nextBestActionCounts;
  chart(counts, {
    grid: { left: 180, right: 30, top: 10, bottom: 30 },
    xAxis: { type: 'value', name: 'customers', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: rows.map(r => r.label), inverse: true },
    series: [{ type: 'bar', data: rows.map(r => r.customers) }],
  }, ['Action', 'Customers', 'Expected value', 'Uplift'],
  rows.map(r => [r.label, formatCount(r.customers), formatMoney(r.expectedValue), formatMoney(r.uplift)]),
  Math.max(160, 40 * rows.length + 40));

  const list = card('action-list', 'Customers by expected value',
    'Highest expected value over the horizon first, with the action, the product to offer and the reasons.');
  into.append(list.element);
  const controls = document.createElement('div');
  controls.className = 'controls';
  const label = document.createElement('label');
  label.textContent = 'Action ';
  const picker = document.createElement('select');
  picker.id = 'action-filter';
  picker.add(new Option('All actions', ''));
  rows.forEach(r => picker.add(new Option(`${r.label} (${formatCount(r.customers)})`, r.action, false,
    r.action === chosen)));
  label.append(picker);
  const total = document.createElement('span');
  total.className = 'count';
  controls.append(label, total);
  list.body.append(controls);
  const holder = document.createElement('div');
  const more = document.createElement('button');
  more.type = 'button';
  more.id = 'more-actions';
  more.textContent = `Next ${PAGE}`;
  list.body.append(holder, more);

  let after: string | null = null;
  let shown: ActionListQuery['nextBestActions']['edges'] = [];
  const load = async (reset: boolean) => {
    if (reset) {
      after = null;
      shown = [];
    }
    const variables: ActionListQueryVariables = { action: picker.value || null, first: PAGE, after };
    const page = (await api.query<ActionListQuery>(LIST, variables)).data.nextBestActions;
    shown = [...shown, ...page.edges];
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    more.hidden = after == null;
    total.textContent = `${formatCount(shown.length)} of ${formatCount(page.totalCount)} customers`;
    holder.replaceChildren(table(['Customer', 'Action', 'Expected value', 'Uplift', 'Offer', 'Why'],
      shown.map(({ node }) => {
        const a = node.nextBestAction!;
        const link = document.createElement('a');
        link.href = `#customer/${encodeURIComponent(node.id)}`;
        link.textContent = node.name ? `${node.name} (${node.id})` : node.id;
        const why = document.createElement('ul');
        why.className = 'reasons';
        a.reasons.forEach(r => {
          const li = document.createElement('li');
          li.textContent = r;
          why.append(li);
        });
        return [link, a.label, formatMoney(a.expectedValue), formatMoney(a.uplift),
          a.product ? (a.product.name ?? a.product.id) : '', why];
      })));
  };
  picker.addEventListener('change', () => {
    history.replaceState(null, '', picker.value ? `#actions/${encodeURIComponent(picker.value)}` : '#actions');
    void load(true);
  });
  more.addEventListener('click', () => void load(false));
  await load(true);
}
