/** The console's pages, addressed by the URL's hash so the server has one page to serve. */
export type Route =
  | { page: 'sign-in' }
  | { page: 'applications'; query: Record<string, string> }
  | { page: 'application'; id: string }
  | { page: 'reviews'; query: Record<string, string> }
  | { page: 'customers'; query: Record<string, string> }
  | { page: 'customer'; id: string }
  | { page: 'loan'; id: string }
  | { page: 'collection'; query: Record<string, string> }
  | { page: 'case'; id: string }
  | { page: 'adjustments'; query: Record<string, string> }
  | { page: 'reconciliation'; query: Record<string, string> }
  | { page: 'breaks'; query: Record<string, string> }
  | { page: 'eod'; query: Record<string, string> }
  | { page: 'dashboard'; query: Record<string, string> }
  | { page: 'config'; query: Record<string, string> }
  | { page: 'not-found'; path: string };

const UUID = /^[0-9a-fA-F-]{36}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/applications';
  const [path, search = ''] = raw.split('?', 2);
  const query = Object.fromEntries(new URLSearchParams(search).entries());
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) {
    return { page: 'applications', query: {} };
  }
  const [first, id, ...rest] = parts;
  if (rest.length > 0) {
    return { page: 'not-found', path };
  }
  switch (first) {
    case 'sign-in':
      return id === undefined ? { page: 'sign-in' } : { page: 'not-found', path };
    case 'applications':
      if (id === undefined) return { page: 'applications', query };
      return UUID.test(id) ? { page: 'application', id } : { page: 'not-found', path };
    case 'reviews':
      return id === undefined ? { page: 'reviews', query } : { page: 'not-found', path };
    case 'customers':
      if (id === undefined) return { page: 'customers', query };
      return UUID.test(id) ? { page: 'customer', id } : { page: 'not-found', path };
    case 'loans':
      return id !== undefined && UUID.test(id) ? { page: 'loan', id } : { page: 'not-found', path };
    case 'collection':
      if (id === undefined) return { page: 'collection', query };
      return UUID.test(id) ? { page: 'case', id } : { page: 'not-found', path };
    case 'adjustments':
    case 'reconciliation':
    case 'breaks':
    case 'eod':
      return id === undefined ? { page: first, query } : { page: 'not-found', path };
    case 'dashboard':
      return id === undefined ? { page: 'dashboard', query } : { page: 'not-found', path };
    case 'config':
      return id === undefined ? { page: 'config', query } : { page: 'not-found', path };
    default:
      return { page: 'not-found', path };
  }
}

/** The hash for a page, with the query's empty values left out. */
export function href(path: string, query?: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | number | undefined>): void {
  window.location.hash = href(path, query);
}
