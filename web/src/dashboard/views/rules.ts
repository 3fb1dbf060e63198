import type { Api } from '../api';
import type { RulesQuery, RulesQueryVariables } from '../../generated/graphql';
import { card, empty, table } from '../charts';
import { formatCount, sortRules, type Rule, type RuleSortKey } from '../shape';

const PAGE = 100;
const MAX_RULES = 1000;

const QUERY = /* GraphQL */ `query Rules($after: String, $productId: ID, $first: Int) {
  associationRules(first: $first, after: $after, productId: $productId) {
    totalCount
    edges { node { antecedent { id name } consequent { id name } support confidence lift count } }
    pageInfo { hasNextPage endCursor } } }`;

/** Loads the rules (all of them up to MAX_RULES, best lift first), optionally only those with one product. */
async function loadRules(api: Api, productId: string | null): Promise<{ rules: Rule[]; total: number }> {
  const rules: Rule[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const variables: RulesQueryVariables = { after, productId, first: PAGE };
    const { data }: { data: RulesQuery } = await api.query<RulesQuery>(QUERY, variables);
    total = data.associationRules.totalCount;
    rules.push(...data.associationRules.edges.map(e => e.node));
    after = data.associationRules.pageInfo.hasNextPage ? data.associationRules.pageInfo.endCursor : null;
  } while (after && rules.length < MAX_RULES);
  return { rules, total };
}

export async function renderRules(api: Api, into: HTMLElement, productId?: string): Promise<void> {
  const section = card('rules', 'Association rules',
    'Products bought together, from the latest rules run. Click a column to sort; pick a product to see only its rules.');
  into.append(section.element);
  const all = await loadRules(api, null);
  if (all.total === 0) {
    section.body.append(empty('No rules yet: run `custograph rules` or the runRules mutation.'));
    return;
  }
  const products = new Map<string, string>();
  for (const rule of all.rules) {
    for (const p of [...rule.antecedent, ...rule.consequent]) products.set(p.id, p.name ?? p.id);
  }
  const controls = document.createElement('div');
  controls.className = 'controls';
  const label = document.createElement('label');
  label.textContent = 'Product ';
  const picker = document.createElement('select');
  picker.id = 'rule-product';
  picker.add(new Option('All products', ''));
  [...products.entries()].sort((a, b) => a[1].localeCompare(b[1]))
    .forEach(([id, name]) => picker.add(new Option(name, id, false, id === productId)));
  label.append(picker);
  const count = document.createElement('span');
  count.className = 'count';
  controls.append(label, count);
  section.body.append(controls);
  const holder = document.createElement('div');
  section.body.append(holder);

  let shown = all;
  let sortKey: RuleSortKey = 'lift';
  let ascending = false;
  const draw = () => {
    const rules = sortRules(shown.rules, sortKey, ascending);
    count.textContent = `${formatCount(shown.total)} rules` + (shown.rules.length < shown.total
      ? ` (the ${formatCount(shown.rules.length)} with the highest lift shown)` : '');
    const names = (side: Rule['antecedent']) => side.map(p => p.name ?? p.id).join(' + ');
    const t = table(['If bought', 'Then also', 'Support', 'Confidence', 'Lift', 'Baskets'],
      rules.map(r => [names(r.antecedent), names(r.consequent), r.support.toFixed(4), r.confidence.toFixed(3),
        r.lift.toFixed(2), r.count]));
    t.id = 'rules-table';
    const keys: (RuleSortKey | null)[] = [null, null, 'support', 'confidence', 'lift', 'count'];
    t.querySelectorAll('th').forEach((th, i) => {
      const key = keys[i];
      if (!key) return;
      th.classList.add('sortable');
      th.dataset.sort = key;
      // A button inside, so the sort is reachable from the keyboard too; the whole cell takes the click.
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent + (key === sortKey ? (ascending ? ' ▲' : ' ▼') : '');
      th.replaceChildren(button);
      th.setAttribute('aria-sort', key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
      th.addEventListener('click', () => {
        ascending = key === sortKey ? !ascending : false;
        sortKey = key;
        draw();
      });
    });
    holder.replaceChildren(t);
  };
  picker.addEventListener('change', async () => {
    shown = picker.value ? await loadRules(api, picker.value) : all;
    history.replaceState(null, '', picker.value ? `#rules/${encodeURIComponent(picker.value)}` : '#rules');
    draw();
  });
  if (productId && products.has(productId)) shown = await loadRules(api, productId);
  draw();
}
