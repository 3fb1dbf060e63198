// GraphiQL served from the jar: every script and stylesheet is bundled here, so it works where the product runs,
// with no internet (Spring for GraphQL's own page loads GraphiQL from a CDN and stays on "Loading..." without one).
// The API needs a key: the headers editor starts with an Authorization header, filled with the key entered in the
// dashboard of this tab when there is one. Headers are not persisted, so a key never lands in localStorage.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';

const DASHBOARD_KEY = 'custograph.apiKey';
const key = sessionStorage.getItem(DASHBOARD_KEY) ?? 'paste-an-api-key-here';

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });

const defaultQuery = `# Custograph's GraphQL API.
# 1. Put your API key in the Authorization header (Headers, below).
# 2. Run this query: the play button, or Ctrl-Enter.
# The Docs panel (top left) lists every type and field.
{
  dashboard {
    customers
    activeCustomers
    revenueByMonth { month revenue orders }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, {
  fetcher,
  defaultQuery,
  defaultHeaders: JSON.stringify({ Authorization: `Bearer ${key}` }, null, 2),
  isHeadersEditorEnabled: true,
  defaultEditorToolsVisibility: 'headers',
  shouldPersistHeaders: false,
}));
