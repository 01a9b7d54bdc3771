import { describe, expect, it, vi } from 'vitest';
import { Api, signIn, withQuery } from './api';
import { ApiError } from './problem';

function answer(status: number, body: unknown, contentType = 'application/json') {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body),
    { status, headers: { 'Content-Type': contentType } });
}

describe('calls to the ops APIs', () => {
  it('carry the staff token and send JSON', async () => {
    const fetchFn = vi.fn(async () => answer(200, { id: 'r1', status: 'APPROVED' }));
    const api = new Api(() => 'tok', () => {}, fetchFn as unknown as typeof fetch);
    const review = await api.post<{ status: string }>('/ops/v1/antifraud/reviews/r1/approve', { comment: 'ok' });
    expect(review.status).toBe('APPROVED');
    const [path, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/ops/v1/antifraud/reviews/r1/approve');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init.body).toBe('{"comment":"ok"}');
  });

  it('turn a 403 into a not-allowed error carrying the problem', async () => {
    const forbidden = { type: 'urn:lendflow:problem:forbidden', title: 'Forbidden', status: 403, detail: 'this token may not POST …' };
    const api = new Api(() => 'tok', () => {}, (async () => answer(403, forbidden, 'application/problem+json')) as typeof fetch);
    const error = await api.post('/ops/v1/antifraud/reviews/r1/approve', { comment: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).notAllowed).toBe(true);
    expect((error as ApiError).problem.detail).toBe('this token may not POST …');
  });

  it('sign the staff member out when the gateway no longer accepts their token', async () => {
    const signedOut = vi.fn();
    const api = new Api(() => 'expired', signedOut,
      (async () => answer(401, { status: 401, title: 'Unauthenticated', detail: 'expired' })) as typeof fetch);
    await expect(api.get('/ops/v1/customers/x')).rejects.toBeInstanceOf(ApiError);
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('leave empty filters out of the query', () => {
    expect(withQuery('/ops/v1/credit-applications', { state: 'FRAUD_REVIEW', customerId: '', from: undefined, page: 0 }))
      .toBe('/ops/v1/credit-applications?state=FRAUD_REVIEW&page=0');
    expect(withQuery('/x', {})).toBe('/x');
  });
});

describe('signing in', () => {
  it('posts the username and password to the console server, never to the auth server', async () => {
    const fetchFn = vi.fn(async () => answer(201, { accessToken: 'a', username: 'analyst', roles: ['RISK_ANALYST'] }));
    const session = await signIn('analyst', 'pw', fetchFn as unknown as typeof fetch);
    expect(session.roles).toEqual(['RISK_ANALYST']);
    const [path, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/console/api/sessions');
    expect(JSON.parse(init.body as string)).toEqual({ username: 'analyst', password: 'pw' });
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('hands back the refusal naming the password field', async () => {
    const refused = { status: 401, title: 'Sign-in refused', detail: 'the username or the password is not right',
      errors: [{ field: 'password', rule: 'bad-credentials', message: 'the username or the password is not right' }] };
    const error = await signIn('analyst', 'wrong', (async () => answer(401, refused)) as typeof fetch).catch((e: unknown) => e);
    expect((error as ApiError).problem.errors?.[0].field).toBe('password');
    expect((error as ApiError).unauthenticated).toBe(false);
  });
});
