/** Same-origin GraphQL: the page asks the hub's gateway, nothing else. */
export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function query<T>(text: string, variables: Record<string, unknown>, token: string | null): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: text, variables }) });
  return (await response.json()) as GraphQLResult<T>;
}
