import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/**
 * Runs an already read and checked POST body through Apollo Server and writes its answer to the
 * node:http response: the gateway's and the subgraphs' plain /graphql paths, which skip Express
 * for speed, share it so both answer exactly as Apollo's own integrations would.
 */
export async function answerWithApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  request: { search: string; body: unknown; context: () => Promise<TContext> },
): Promise<void> {
  const headers = new HeaderMap();
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: request.search, body: request.body },
    context: request.context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
