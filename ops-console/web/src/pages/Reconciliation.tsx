import { useState, type FormEvent } from 'react';
import {
  asApiError, Badge, Field, FormProblem, Link, Loaded, Pager, ProblemBox, useApi, useFieldErrors, useLoad,
} from '../components';
import { instant, money, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import { AGE_BUCKETS, ageBucketOf, ageFilter, pagesOf, reconciliationProgress } from '../operations';
import type { ApiError } from '../problem';
import { navigate } from '../router';
import type { Break, ReconPage, ReconRun } from '../types-reconciliation';
import { ProgressBar } from './ProgressBar';

export const RECONCILIATIONS = ['INTERNAL', 'CHANNEL', 'FUNDING_PARTNER'] as const;
export const RUN_STATES = ['QUEUED', 'RUNNING', 'WAITING', 'REJECTED', 'FINISHED', 'FAILED'] as const;
export const BREAK_CLASSES = ['MISSING_ON_OUR_SIDE', 'MISSING_ON_THEIR_SIDE', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH',
  'DATE_MISMATCH'] as const;
export const BREAK_STATES = ['OPEN', 'INVESTIGATING', 'PENDING', 'RESOLVED'] as const;
export const RESOLUTIONS = ['FALSE_ALARM', 'REPOSTED', 'ADJUSTED_LEDGER', 'REFUNDED', 'WRITTEN_OFF'] as const;
const RUN_PAGE = 50;
const BREAK_PAGE = 20;
const POLL_MS = 1000;
const RUN_FILTERS = ['date', 'reconciliation', 'party', 'state', 'page', 'size'] as const;
const START_FIELDS = ['businessDate', 'reconciliation', 'party', 'reason'] as const;

/** Today in Beijing, where the business runs: the date a D+1 run is for at the latest. */
export function beijingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

/** Reconciliation runs per date and party; starting one; a bar that moves while the date's runs are under way. */
export function ReconciliationRuns({ query }: { query: Record<string, string> }) {
  const { t, v, language } = useI18n();
  const page = Number(query.page ?? '0') || 0;
  const [load, reload] = useLoad<ReconPage<ReconRun>>(`runs:${JSON.stringify(query)}`, (api) =>
    api.get('/ops/v1/reconciliation/runs', { date: query.date, reconciliation: query.reconciliation, party: query.party,
      state: query.state, page, size: RUN_PAGE }),
  { pollMs: POLL_MS, keepPolling: (data) => reconciliationProgress(data.items).running });
  const [filters, setFilters] = useState({ date: query.date ?? '', reconciliation: query.reconciliation ?? '',
    party: query.party ?? '', state: query.state ?? '' });
  const error = load.state === 'failed' ? load.error : undefined;
  const errors = useFieldErrors(error, RUN_FILTERS);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate('/reconciliation', { ...filters, party: filters.party.trim() });
  };

  return (
    <div>
      <h1>{t('recon.title')}</h1>
      <StartRuns onStarted={(date) => { setFilters({ date, reconciliation: '', party: '', state: '' }); navigate('/reconciliation', { date }); reload(); }} />
      <form className="panel filters" onSubmit={search} data-testid="run-search" noValidate>
        <Field name="date" label={t('recon.date')} errors={errors}>
          <input id="f-run-date" type="date" value={filters.date} onChange={(e) => setFilters({ ...filters, date: e.target.value })} />
        </Field>
        <Field name="reconciliation" label={t('recon.reconciliation')} errors={errors}>
          <select id="f-run-reconciliation" value={filters.reconciliation} onChange={(e) => setFilters({ ...filters, reconciliation: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {RECONCILIATIONS.map((r) => <option key={r} value={r}>{v('reconciliation', r)}</option>)}
          </select>
        </Field>
        <Field name="party" label={t('recon.party')} errors={errors}>
          <input id="f-run-party" value={filters.party} onChange={(e) => setFilters({ ...filters, party: e.target.value })} />
        </Field>
        <Field name="state" label={t('recon.runState')} errors={errors}>
          <select id="f-run-state" value={filters.state} onChange={(e) => setFilters({ ...filters, state: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {RUN_STATES.map((s) => <option key={s} value={s}>{v('runState', s)}</option>)}
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="primary">{t('common.search')}</button>
          <button type="button" onClick={reload}>{t('common.refresh')}</button>
        </div>
        {error && !error.problem.errors?.length ? <ProblemBox error={error} /> : null}
      </form>
      {error ? null : (
        <Loaded load={load}>
          {(data) => (
            <div className="panel">
              {data.items.length > 0 ? (
                <ProgressBar progress={reconciliationProgress(data.items)} testId="recon-progress"
                             label={t('recon.progress', { done: data.items.filter((r) => !['QUEUED', 'RUNNING'].includes(r.state)).length, all: data.items.length })} />
              ) : null}
              <table className="grid" data-testid="runs">
                <thead><tr><th>{t('recon.date')}</th><th>{t('recon.reconciliation')}</th><th>{t('recon.party')}</th>
                  <th>{t('recon.runState')}</th><th className="num">{t('recon.ours')}</th><th className="num">{t('recon.theirs')}</th>
                  <th className="num">{t('recon.matched')}</th><th className="num">{t('recon.broken')}</th>
                  <th className="num">{t('recon.pending')}</th><th>{t('recon.finishedAt')}</th><th /></tr></thead>
                <tbody>
                  {data.items.length === 0 ? <tr><td colSpan={11} className="empty">{t('common.none')}</td></tr> : null}
                  {data.items.map((r) => (
                    <tr key={r.id} data-run={r.id} data-state={r.state} data-reconciliation={r.reconciliation} data-party={r.party}>
                      <td>{r.businessDate}</td><td>{v('reconciliation', r.reconciliation)}</td><td>{r.party}</td>
                      <td><Badge group="runState" value={r.state} />{r.detail ? <div className="details">{r.detail}</div> : null}</td>
                      <td className="num">{r.ours ? `${r.ours.read} · ${money(r.ours.total)}` : '—'}</td>
                      <td className="num">{r.theirs ? `${r.theirs.read} · ${money(r.theirs.total)}` : '—'}</td>
                      <td className="num">{r.matched}</td><td className="num">{r.broken}</td><td className="num">{r.pending}</td>
                      <td className="nowrap">{instant(r.finishedAt, language)}</td>
                      <td>{r.broken > 0 ? <a href={`#/breaks?date=${r.businessDate}&reconciliation=${r.reconciliation}&party=${encodeURIComponent(r.party)}`}>{t('recon.seeBreaks')}</a> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={data.page} totalPages={pagesOf(data.totalItems, RUN_PAGE)} totalItems={data.totalItems}
                     onPage={(p) => navigate('/reconciliation', { ...query, page: p })} />
            </div>
          )}
        </Loaded>
      )}
    </div>
  );
}

function StartRuns({ onStarted }: { onStarted: (date: string) => void }) {
  const { t, v } = useI18n();
  const api = useApi();
  const [form, setForm] = useState({ businessDate: beijingToday(), reconciliation: '', party: '', reason: '' });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, START_FIELDS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post<ReconRun[]>('/ops/v1/reconciliation/runs', {
        businessDate: form.businessDate || null, reconciliation: form.reconciliation || null,
        party: form.party.trim() || null, reason: form.reason });
      onStarted(form.businessDate);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel filters" onSubmit={submit} data-testid="start-runs" noValidate>
      <Field name="businessDate" label={t('recon.date')} errors={errors}>
        <input id="f-start-date" type="date" value={form.businessDate} onChange={(e) => setForm({ ...form, businessDate: e.target.value })} />
      </Field>
      <Field name="reconciliation" label={t('recon.reconciliation')} errors={errors}>
        <select id="f-start-reconciliation" value={form.reconciliation} onChange={(e) => setForm({ ...form, reconciliation: e.target.value })}>
          <option value="">{t('recon.all')}</option>
          {RECONCILIATIONS.map((r) => <option key={r} value={r}>{v('reconciliation', r)}</option>)}
        </select>
      </Field>
      <Field name="party" label={t('recon.party')} errors={errors}>
        <input id="f-start-party" value={form.party} placeholder={t('recon.allParties')} onChange={(e) => setForm({ ...form, party: e.target.value })} />
      </Field>
      <Field name="reason" label={t('recon.startReason')} errors={errors}>
        <input id="f-start-reason" value={form.reason} maxLength={500} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
      </Field>
      <div className="actions"><button type="submit" className="primary" disabled={busy} data-action="start-runs">{t('recon.start')}</button></div>
      <FormProblem error={error} errors={errors} />
    </form>
  );
}

const BREAK_FILTERS = ['class', 'state', 'reconciliation', 'party', 'date', 'minAgeDays', 'maxAgeDays', 'dangerous', 'page', 'size'] as const;

/** Breaks, by class and age, filtered and paged by reconciliation-service; each resolved with a reason. */
export function Breaks({ query }: { query: Record<string, string> }) {
  const { t, v } = useI18n();
  const page = Number(query.page ?? '0') || 0;
  const state = query.state ?? 'OPEN';
  const filter = { class: query.class, state: state || undefined, reconciliation: query.reconciliation, party: query.party,
    date: query.date, dangerous: query.dangerous, ...ageFilter(query.age) };
  const [load, reload] = useLoad<ReconPage<Break>>(`breaks:${JSON.stringify(query)}`, (api) =>
    api.get('/ops/v1/reconciliation/breaks', { ...filter, page, size: BREAK_PAGE }));
  const [byClass] = useLoad<[string, number][]>(`break-classes:${JSON.stringify(query)}`, (api) =>
    Promise.all(BREAK_CLASSES.map(async (c) => [c, (await api.get<ReconPage<Break>>('/ops/v1/reconciliation/breaks',
      { ...filter, class: c, size: 1 })).totalItems] as [string, number])));
  const [form, setForm] = useState({ class: query.class ?? '', state, reconciliation: query.reconciliation ?? '',
    party: query.party ?? '', date: query.date ?? '', age: query.age ?? '', dangerous: query.dangerous ?? '' });
  const error = load.state === 'failed' ? load.error : undefined;
  const errors = useFieldErrors(error, BREAK_FILTERS);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate('/breaks', { ...form, party: form.party.trim() });
  };

  return (
    <div>
      <h1>{t('breaks.title')}</h1>
      <form className="panel filters" onSubmit={search} data-testid="break-search" noValidate>
        <Field name="class" label={t('breaks.class')} errors={errors}>
          <select id="f-class" value={form.class} onChange={(e) => setForm({ ...form, class: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {BREAK_CLASSES.map((c) => <option key={c} value={c}>{v('breakClass', c)}</option>)}
          </select>
        </Field>
        <Field name="state" label={t('breaks.state')} errors={errors}>
          <select id="f-break-state" value={form.state} onChange={(e) => setForm({ ...form, state: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {BREAK_STATES.map((s) => <option key={s} value={s}>{v('breakState', s)}</option>)}
          </select>
        </Field>
        <Field name="minAgeDays" label={t('breaks.age')} errors={errors}>
          <select id="f-age" value={form.age} onChange={(e) => setForm({ ...form, age: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {AGE_BUCKETS.map((b) => <option key={b.code} value={b.code}>{v('ageBucket', b.code)}</option>)}
          </select>
        </Field>
        <Field name="reconciliation" label={t('recon.reconciliation')} errors={errors}>
          <select id="f-break-reconciliation" value={form.reconciliation} onChange={(e) => setForm({ ...form, reconciliation: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {RECONCILIATIONS.map((r) => <option key={r} value={r}>{v('reconciliation', r)}</option>)}
          </select>
        </Field>
        <Field name="party" label={t('recon.party')} errors={errors}>
          <input id="f-break-party" value={form.party} size={10} onChange={(e) => setForm({ ...form, party: e.target.value })} />
        </Field>
        <Field name="date" label={t('recon.date')} errors={errors}>
          <input id="f-break-date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </Field>
        <Field name="dangerous" label={t('breaks.dangerous')} errors={errors}>
          <select id="f-dangerous" value={form.dangerous} onChange={(e) => setForm({ ...form, dangerous: e.target.value })}>
            <option value="">{t('common.any')}</option>
            <option value="true">{t('breaks.dangerousOnly')}</option>
            <option value="false">{t('breaks.notDangerous')}</option>
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="primary">{t('common.search')}</button>
          <button type="button" onClick={reload}>{t('common.refresh')}</button>
        </div>
        {error && !error.problem.errors?.length ? <ProblemBox error={error} /> : null}
      </form>
      {error ? null : (
        <>
          <Loaded load={byClass}>
            {(counts) => (
              <div className="panel class-counts" data-testid="breaks-by-class">
                {counts.map(([c, n]) => (
                  <a key={c} href={`#/breaks?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'page')), class: c }).toString()}`}
                     className={query.class === c ? 'current' : ''} data-class={c} data-count={n}>
                    {v('breakClass', c)} <strong>{n}</strong>
                  </a>
                ))}
              </div>
            )}
          </Loaded>
          <Loaded load={load}>
            {(data) => (
              <div className="panel">
                <table className="grid" data-testid="breaks">
                  <thead><tr><th>{t('recon.date')}</th><th>{t('recon.reconciliation')}</th><th>{t('breaks.reference')}</th>
                    <th>{t('breaks.class')}</th><th>{t('breaks.age')}</th><th className="num">{t('recon.ours')}</th>
                    <th className="num">{t('recon.theirs')}</th><th>{t('breaks.state')}</th><th /></tr></thead>
                  <tbody>
                    {data.items.length === 0 ? <tr><td colSpan={9} className="empty">{t('common.none')}</td></tr> : null}
                    {data.items.map((b) => <BreakRow key={b.id} initial={b} />)}
                  </tbody>
                </table>
                <Pager page={data.page} totalPages={pagesOf(data.totalItems, BREAK_PAGE)} totalItems={data.totalItems}
                       onPage={(p) => navigate('/breaks', { ...query, page: p })} />
              </div>
            )}
          </Loaded>
        </>
      )}
    </div>
  );
}

const RESOLVE_FIELDS = ['resolution', 'reason'] as const;

function BreakRow({ initial }: { initial: Break }) {
  const { t, v } = useI18n();
  const api = useApi();
  const [item, setItem] = useState(initial);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ resolution: 'FALSE_ALARM', reason: '' });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, RESOLVE_FIELDS);
  const resolvable = item.state === 'OPEN' || item.state === 'INVESTIGATING';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setItem(await api.post<Break>(`/ops/v1/reconciliation/breaks/${item.id}/resolve`, form));
      setOpen(false);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr data-break={item.id} data-reference={item.reference} data-state={item.state} data-class={item.breakClass}
          className={item.dangerous ? 'dangerous' : ''}>
        <td>{item.businessDate}</td>
        <td>{v('reconciliation', item.reconciliation)} · {item.party}</td>
        <td className="mono">{item.reference}{item.loanId ? <> · <Link to={`/loans/${item.loanId}`}>{shortId(item.loanId)}</Link></> : null}</td>
        <td><Badge group="breakClass" value={item.breakClass} tone={item.dangerous ? 'rejected' : 'pending'} />{item.dangerous ? ` ${t('breaks.alerted')}` : ''}</td>
        <td>{t('breaks.days', { n: item.ageDays })} <span className="hint">({v('ageBucket', ageBucketOf(item.ageDays))})</span></td>
        <td className="num">{item.ours ? `${money(item.ours.amount)} ${item.ours.status ?? ''}` : '—'}</td>
        <td className="num">{item.theirs ? `${money(item.theirs.amount)} ${item.theirs.status ?? ''}` : '—'}</td>
        <td><Badge group="breakState" value={item.state} />
          {item.resolution ? <div className="details" data-testid="break-resolution">{v('resolution', item.resolution)} · {item.updatedBy}: {item.reason}</div> : null}</td>
        <td>{resolvable ? <button type="button" data-action="open-resolve" onClick={() => setOpen(!open)}>{t('breaks.resolve')}</button> : null}</td>
      </tr>
      {open && resolvable ? (
        <tr className="form-row" data-resolve={item.id}>
          <td colSpan={9}>
            <form className="conclude" onSubmit={submit} noValidate>
              <Field name="resolution" label={t('breaks.resolution')} errors={errors}>
                <select id={`f-resolution-${item.id}`} value={form.resolution} onChange={(e) => setForm({ ...form, resolution: e.target.value })}>
                  {RESOLUTIONS.map((r) => <option key={r} value={r}>{v('resolution', r)}</option>)}
                </select>
              </Field>
              <Field name="reason" label={t('breaks.reason')} errors={errors}>
                <textarea id={`f-break-reason-${item.id}`} rows={2} maxLength={500} value={form.reason}
                          onChange={(e) => setForm({ ...form, reason: e.target.value })} />
              </Field>
              <FormProblem error={error} errors={errors} />
              <div className="actions"><button type="submit" className="primary" disabled={busy} data-action="resolve">{t('breaks.confirm')}</button></div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}
