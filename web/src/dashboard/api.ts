// The dashboard's only door to Custograph: the public GraphQL API, with the key the user gave.
import { fetchJson, refusal, type GraphQlError } from '../shared/http';

export { ApiError, type GraphQlError } from '../shared/http';

export class Api {
  constructor(private readonly key: string, private readonly endpoint = '/graphql') {}

  /**
   * Runs a query. Errors on single fields (an analyst's FORBIDDEN on a personal field) come back with the data;
   * a request that produced no data at all throws, with the server's own message.
   */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; errors: GraphQlError[] }> {
    const answer = await fetchJson<T>(this.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.key}` },
      body: JSON.stringify({ query, variables }),
    });
    if (answer.status === 401 || answer.status === 403 || answer.body.data == null) {
      throw refusal(answer);
    }
    return { data: answer.body.data, errors: answer.body.errors ?? [] };
  }
}
