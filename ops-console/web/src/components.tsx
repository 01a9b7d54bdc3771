import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Api } from './api';
import { useI18n, type MessageKey } from './i18n/i18n';
import { ApiError, messagesByField, type Problem } from './problem';
import { href } from './router';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) {
    throw new Error('no Api in context');
  }
  return api;
}

export type Load<T> =
  | { state: 'loading' }
  | { state: 'done'; data: T }
  | { state: 'failed'; error: ApiError };

/**
 * Loads what a page shows; reloads when {@code key} changes. With {@code pollMs} it reloads
 * quietly until {@code keepPolling} says the thing has settled (a saga still running).
 */
export function useLoad<T>(key: string, loader: (api: Api) => Promise<T>,
                           poll?: { pollMs: number; keepPolling: (data: T) => boolean }): [Load<T>, () => void] {
  const api = useApi();
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;
  const pollRef = useRef(poll);
  pollRef.current = poll;
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (first: boolean) => {
      if (first) {
        setLoad({ state: 'loading' });
      }
      loaderRef.current(api).then(
        (data) => {
          if (cancelled) return;
          setLoad({ state: 'done', data });
          const p = pollRef.current;
          if (p && p.keepPolling(data)) {
            timer = setTimeout(() => run(false), p.pollMs);
          }
        },
        (error: unknown) => {
          if (cancelled) return;
          setLoad({ state: 'failed', error: asApiError(error) });
        },
      );
    };
    run(true);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [load, reload];
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError({ status: 0, title: 'Network error', detail: error instanceof Error ? error.message : String(error) });
}

/** A refusal as the person reading it needs it: "not allowed" for 403, otherwise the API's own words. */
export function ProblemBox({ error, testId }: { error: ApiError; testId?: string }) {
  const { t } = useI18n();
  if (error.notAllowed) {
    return (
      <div className="problem not-allowed" role="alert" data-testid={testId ?? 'not-allowed'}>
        <strong>{t('problem.notAllowed')}</strong> {t('problem.notAllowedDetail')}
        {error.problem.detail ? <div className="problem-detail">{error.problem.detail}</div> : null}
      </div>
    );
  }
  return (
    <div className="problem" role="alert" data-testid={testId ?? 'problem'}>
      <strong>{error.problem.title ?? t('problem.failed')}</strong> ({error.status || t('problem.network')})
      {error.problem.detail ? <div className="problem-detail">{error.problem.detail}</div> : null}
      {error.problem.requestId ? <div className="request-id">{t('problem.requestId')}: {error.problem.requestId}</div> : null}
    </div>
  );
}

/**
 * Shows what was loaded, a line while loading, or the problem. With {@code notYet}, a 404 means the
 * thing does not exist yet (a decision not made) and shows that sentence instead of a problem.
 */
export function Loaded<T>({ load, children, notYet }: { load: Load<T>; children: (data: T) => ReactNode; notYet?: string }) {
  const { t } = useI18n();
  if (load.state === 'loading') {
    return <div className="loading" aria-busy="true">{t('common.loading')}</div>;
  }
  if (load.state === 'failed') {
    if (notYet && load.error.status === 404) {
      return <p className="empty">{notYet}</p>;
    }
    return <ProblemBox error={load.error} />;
  }
  return <>{children(load.data)}</>;
}

/** A labelled input with the problem detail's message for this field right under it. */
export function Field({ name, label, errors, children }: {
  name: string; label: string; errors: Record<string, string[]>; children: ReactNode;
}) {
  const messages = errors[name];
  return (
    <label className={`field${messages ? ' has-error' : ''}`} htmlFor={`f-${name}`}>
      <span className="field-label">{label}</span>
      {children}
      {messages ? <span className="field-error" role="alert" data-field-error={name}>{messages.join('; ')}</span> : null}
    </label>
  );
}

/** A form's problem: messages of fields it names go next to them; the rest, and a 403, above the buttons. */
export function FormProblem({ error, errors }: { error: ApiError | undefined; errors: Record<string, string[]> }) {
  if (!error) return null;
  if (error.notAllowed) return <ProblemBox error={error} />;
  const general = errors[''];
  return general ? (
    <div className="problem" role="alert" data-testid="problem">
      {general.map((m) => <div key={m}>{m}</div>)}
      {error.problem.requestId ? <div className="request-id">requestId: {error.problem.requestId}</div> : null}
    </div>
  ) : null;
}

/** The form's field messages from a problem, in the staff member's language where the message file knows the rule. */
export function useFieldErrors(error: ApiError | undefined, fields: readonly string[]): Record<string, string[]> {
  const { rule } = useI18n();
  return messagesByField(error?.problem as Problem | undefined, fields, rule);
}

export function Pager({ page, totalPages, totalItems, onPage, hasNext }: {
  page: number; totalPages?: number; totalItems?: number; hasNext?: boolean; onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const next = hasNext ?? (totalPages !== undefined && page + 1 < totalPages);
  return (
    <div className="pager">
      <button type="button" disabled={page <= 0} onClick={() => onPage(page - 1)}>{t('common.previous')}</button>
      <span>
        {totalPages !== undefined
          ? t('common.pageOf', { page: page + 1, pages: Math.max(totalPages, 1), total: totalItems ?? 0 })
          : t('common.page', { page: page + 1 })}
      </span>
      <button type="button" disabled={!next} onClick={() => onPage(page + 1)}>{t('common.next')}</button>
    </div>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="panel" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Link({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return <a href={href(to)} data-testid={testId}>{children}</a>;
}

export function Badge({ value, group, tone }: { value: string | null | undefined; group: string; tone?: string }) {
  const { v } = useI18n();
  return <span className={`badge badge-${tone ?? (value ?? '').toLowerCase()}`} data-value={value ?? ''}>{v(group, value)}</span>;
}

export function Dl({ rows }: { rows: [MessageKey, ReactNode][] }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}><dt>{t(label)}</dt><dd>{value ?? '—'}</dd></div>
      ))}
    </dl>
  );
}
