import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The README's sample query, one file for both: what a newcomer reads is what the explorer opens with.
import sampleQuery from '../../docs/sample-query.graphql?raw';

// The page is served at the endpoint it talks to (GET /graphql), so the endpoint is this page's path:
// behind a reverse proxy that mounts the hub under a prefix, it still points at the hub.
const fetcher = createGraphiQLFetcher({ url: window.location.pathname });

const sampleVariables = JSON.stringify({ code: '05068', on: '2021-06-01' }, null, 2);
// GraphiQL 5 takes the first tab's query from `defaultTabs` but not its variables: give them once, on a
// first visit, and leave what the developer typed since (kept in localStorage as graphiql:variables) alone.
const firstVisit = window.localStorage.getItem('graphiql:variables') === null;

const root = document.getElementById('explorer');
if (!root) throw new Error('The explorer page has no #explorer element');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={[{ query: sampleQuery, variables: sampleVariables }]}
      initialVariables={firstVisit ? sampleVariables : undefined}
      // Officers' fields need `{ "Authorization": "Bearer <token>" }` (from `hub token`) in the Headers tab;
      // a token is never kept in the browser's storage.
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
