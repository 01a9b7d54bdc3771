import { ApiError, toProblem } from './problem';

/** The signed-in staff member, as the console server's sign-in returned them. */
export interface Session {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  expiresAt: string;
  username: string;
  roles: string[];
}

type Fetch = typeof fetch;

/**
 * Calls the ops APIs through the gateway (same origin as the page) with the staff member's token.
 * Every answer that is not 2xx becomes an {@link ApiError} carrying the API's problem detail.
 */
export class Api {
  private readonly fetchFn: Fetch;
  private readonly token: () => string | undefined;
  private readonly onUnauthenticated: () => void;

  constructor(token: () => string | undefined, onUnauthenticated: () => void, fetchFn: Fetch = (...a) => fetch(...a)) {
    this.token = token;
    this.onUnauthenticated = onUnauthenticated;
    this.fetchFn = fetchFn;
  }

  get<T>(path: string, query?: Record<string, string | number | undefined | null>): Promise<T> {
    return this.call<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>('POST', path, body, headers);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...extra };
    const token = this.token();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await this.fetchFn(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (text && (response.headers.get('Content-Type') ?? '').includes('json')) {
      parsed = JSON.parse(text);
    }
    if (!response.ok) {
      const error = new ApiError(toProblem(response.status, parsed, response.statusText));
      if (error.unauthenticated && token) {
        this.onUnauthenticated();
      }
      throw error;
    }
    return parsed as T;
  }
}

export function withQuery(path: string, query?: Record<string, string | number | undefined | null>): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Signs in at the console server, which makes the grant at the auth server; the client secret stays there. */
export async function signIn(username: string, password: string, fetchFn: Fetch = (...a) => fetch(...a)): Promise<Session> {
  const response = await fetchFn('/console/api/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    throw new ApiError(toProblem(response.status, body, response.statusText));
  }
  return body as Session;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
