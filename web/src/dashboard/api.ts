// The dashboard's only door to Custograph: the public GraphQL API, with the key the user gave.

export class ApiError extends Error {
  constructor(message: string, readonly classification?: string) {
    super(message);
  }
}

export interface GraphQlError {
  message: string;
  path?: (string | number)[];
  extensions?: { classification?: string };
}

export class Api {
  constructor(private readonly key: string, private readonly endpoint = '/graphql') {}

  /**
   * Runs a query. Errors on single fields (an analyst's FORBIDDEN on a personal field) come back with the data;
   * a request that produced no data at all throws, with the server's own message.
   */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; errors: GraphQlError[] }> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.key}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('Custograph does not answer: is the server running?');
    }
    const text = await response.text();
    let body: { data?: T; errors?: GraphQlError[]; error?: string; message?: string };
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(`Custograph answered ${response.status} without JSON`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError(body.message ?? 'This API key is not accepted', 'UNAUTHORIZED');
    }
    const errors = body.errors ?? [];
    if (body.data == null) {
      const first = errors[0];
      throw new ApiError(first?.message ?? `Custograph answered ${response.status}`, first?.extensions?.classification);
    }
    return { data: body.data, errors };
  }
}
