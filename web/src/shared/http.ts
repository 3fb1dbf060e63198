// How the dashboard and the widget ask Custograph and read its answer: one fetch, one reading of its JSON, and one
// way of turning a refusal into a message, whatever the endpoint (GraphQL over POST, the widget's GET).

/** A request that failed as a whole, with the server's own message and, when it gave one, its classification. */
export class ApiError extends Error {
  constructor(message: string, readonly classification?: string, readonly status?: number) {
    super(message);
  }
}

/** An error in GraphQL's shape, as every Custograph endpoint words its refusals. */
export interface GraphQlError {
  message: string;
  path?: (string | number)[];
  extensions?: { classification?: string };
}

/** A JSON answer: GraphQL's data and errors, or an endpoint's own fields beside them. */
export interface Answer<T> {
  status: number;
  body: { data?: T; errors?: GraphQlError[]; message?: string } & Record<string, unknown>;
}

/**
 * Sends the request and reads the JSON answer, whatever its status; a server that does not answer, or answers
 * without JSON, is an ApiError. The caller decides which statuses are failures ({@link refusal}).
 */
export async function fetchJson<T>(url: string, init: RequestInit): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError('Custograph does not answer: is the server running?');
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    throw new ApiError(`Custograph answered ${response.status} without JSON`, undefined, response.status);
  }
}

/**
 * The error a failed answer stands for: the server's first error with its classification, or the status. A key the
 * server refuses (401, 403) is UNAUTHORIZED whatever the body says, so a page can forget it.
 */
export function refusal(answer: Answer<unknown>): ApiError {
  const first = answer.body.errors?.[0];
  const unauthorised = answer.status === 401 || answer.status === 403;
  const message = first?.message ?? answer.body.message
    ?? (unauthorised ? 'This API key is not accepted' : `Custograph answered ${answer.status}`);
  return new ApiError(message, unauthorised ? 'UNAUTHORIZED' : first?.extensions?.classification, answer.status);
}
