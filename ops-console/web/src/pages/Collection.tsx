import { useState, type FormEvent } from 'react';
import {
  asApiError, Badge, Dl, Field, FormProblem, Link, Loaded, Pager, ProblemBox, Section, useApi, useFieldErrors, useLoad,
} from '../components';
import { instant, money, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import {
  ADJUSTMENT_FIELDS, adjustmentRequest, CONTACT_FIELDS, contactRequest, type AdjustmentForm, type ContactForm,
} from '../operations';
import type { ApiError } from '../problem';
import { navigate } from '../router';
import type { Customer } from '../types';
import type { CaseDetail, CasePage, LoanAdjustment, LoggedContact } from '../types-collection';

const PAGE_SIZE = 20;
export const BUCKETS = ['M0', 'M1', 'M2', 'M3', 'M3+'] as const;
export const CONTACT_OUTCOMES = ['PROMISED_TO_PAY', 'ANSWERED', 'NO_ANSWER', 'CALLBACK_REQUESTED', 'REFUSED_TO_PAY',
  'WRONG_NUMBER'] as const;
const CASE_FILTERS = ['state', 'bucket', 'grade', 'agentId', 'customerId', 'minAmount', 'page', 'size'] as const;

/**
 * Collection cases, filtered and paged by collection-service: the signed-in agent's own by default
 * (a supervisor may look at everyone's). The list is the API's; the page decides nothing.
 */
export function Cases({ query, me }: { query: Record<string, string>; me: string }) {
  const { t, v } = useI18n();
  const mine = query.all !== 'true';
  const state = query.state ?? 'OPEN';
  const page = Number(query.page ?? '0') || 0;
  const [form, setForm] = useState({ bucket: query.bucket ?? '', grade: query.grade ?? '',
    customerId: query.customerId ?? '', minAmount: query.minAmount ?? '' });
  const [load, reload] = useLoad<CasePage>(`cases:${JSON.stringify(query)}:${me}`, (api) =>
    api.get('/ops/v1/collection/cases', {
      state: state || undefined, bucket: query.bucket, grade: query.grade, customerId: query.customerId,
      minAmount: query.minAmount, agentId: mine ? me : undefined, page, size: PAGE_SIZE,
    }));
  const error = load.state === 'failed' ? load.error : undefined;
  const errors = useFieldErrors(error, CASE_FILTERS);
  const go = (next: Record<string, string | number | undefined>) =>
    navigate('/collection', { all: mine ? undefined : 'true', state, ...form, ...next });
  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ customerId: form.customerId.trim(), page: undefined });
  };

  return (
    <div>
      <h1>{t('collection.title')}</h1>
      <form className="panel filters" onSubmit={search} data-testid="case-search" noValidate>
        <label className="field" htmlFor="f-mine">
          <span className="field-label">{t('collection.whose')}</span>
          <select id="f-mine" value={mine ? 'mine' : 'all'}
                  onChange={(e) => go({ all: e.target.value === 'all' ? 'true' : undefined, page: undefined })}>
            <option value="mine">{t('collection.mine', { me })}</option>
            <option value="all">{t('collection.everyone')}</option>
          </select>
        </label>
        <Field name="state" label={t('collection.state')} errors={errors}>
          <select id="f-state" value={state} onChange={(e) => go({ state: e.target.value, page: undefined })}>
            <option value="">{t('common.any')}</option>
            {['OPEN', 'CLOSED'].map((s) => <option key={s} value={s}>{v('caseState', s)}</option>)}
          </select>
        </Field>
        <Field name="bucket" label={t('collection.bucket')} errors={errors}>
          <select id="f-bucket" value={form.bucket} onChange={(e) => setForm({ ...form, bucket: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {BUCKETS.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </Field>
        <Field name="grade" label={t('collection.grade')} errors={errors}>
          <input id="f-grade" value={form.grade} size={4} onChange={(e) => setForm({ ...form, grade: e.target.value })} />
        </Field>
        <Field name="customerId" label={t('collection.customerId')} errors={errors}>
          <input id="f-customerId" value={form.customerId} placeholder="00000000-0000-0000-0000-000000000000"
                 onChange={(e) => setForm({ ...form, customerId: e.target.value })} />
        </Field>
        <Field name="minAmount" label={t('collection.minAmount')} errors={errors}>
          <input id="f-minAmount" value={form.minAmount} inputMode="decimal" size={8}
                 onChange={(e) => setForm({ ...form, minAmount: e.target.value })} />
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
              <table className="grid" data-testid="cases">
                <thead>
                  <tr>
                    <th>{t('collection.case')}</th><th>{t('collection.customer')}</th><th>{t('collection.bucket')}</th>
                    <th className="num">{t('collection.dpd')}</th><th className="num">{t('collection.amountOverdue')}</th>
                    <th>{t('collection.grade')}</th><th>{t('collection.agent')}</th><th>{t('collection.brokenPromises')}</th>
                    <th>{t('collection.openedOn')}</th><th>{t('collection.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.length === 0 ? <tr><td colSpan={10} className="empty">{t('collection.none')}</td></tr> : null}
                  {data.items.map((c) => (
                    <tr key={c.id} data-case={c.id} data-customer={c.customerId}>
                      <td><Link to={`/collection/${c.id}`}>{shortId(c.id)}</Link></td>
                      <td className="mono">{shortId(c.customerId)}</td>
                      <td><Badge group="bucket" value={c.bucket} tone="overdue" /></td>
                      <td className="num">{c.daysPastDue}</td>
                      <td className="num">{money(c.amountOverdue)}</td>
                      <td>{c.grade}</td>
                      <td>{c.agentId ?? c.agency ?? c.queue ?? '—'}</td>
                      <td>{c.brokenPromises}</td>
                      <td>{c.openedOn}</td>
                      <td><Badge group="caseState" value={c.state} />{c.lockedBy ? ` · ${t('collection.lockedBy', { who: c.lockedBy })}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={data.page} totalPages={data.totalPages} totalItems={data.totalItems}
                     onPage={(p) => go({ page: p })} />
            </div>
          )}
        </Loaded>
      )}
    </div>
  );
}

/** One case: the borrower masked, the loans' overdue amounts, the contact history; log a contact, ask for relief. */
export function CaseView({ id }: { id: string }) {
  const { t, v, language } = useI18n();
  const [load, reload] = useLoad<CaseDetail>(`case:${id}`, (api) => api.get(`/ops/v1/collection/cases/${id}`));
  const [adjustments, reloadAdjustments] = useLoad<LoanAdjustment[]>(
    `case-adjustments:${id}:${load.state === 'done' ? load.data.loans.map((l) => l.loanId).join(',') : ''}`,
    async (api) => {
      if (load.state !== 'done') return [];
      const lists = await Promise.all(load.data.loans.map((l) =>
        api.get<LoanAdjustment[]>('/ops/v1/loan-adjustments', { loanId: l.loanId, size: 50 })));
      return lists.flat();
    });

  return (
    <div>
      <h1>{t('case.title')} <span className="mono">{shortId(id)}</span></h1>
      <Loaded load={load}>
        {(d) => (
          <>
            <div className="columns">
              <Section title={t('case.summary')} testId="case-summary">
                <Dl rows={[
                  ['collection.state', <span data-testid="case-state" data-state={d.summary.state}><Badge group="caseState" value={d.summary.state} /></span>],
                  ['collection.bucket', <span data-testid="case-bucket">{d.summary.bucket}</span>],
                  ['collection.dpd', String(d.summary.daysPastDue)],
                  ['collection.amountOverdue', <span data-testid="case-amount">{money(d.summary.amountOverdue)}</span>],
                  ['collection.grade', d.summary.grade],
                  ['collection.agent', d.summary.agentId ?? d.summary.agency ?? d.summary.queue ?? '—'],
                  ['collection.brokenPromises', String(d.summary.brokenPromises)],
                  ['collection.openedOn', d.summary.openedOn],
                ]} />
              </Section>
              <Borrower customerId={d.summary.customerId} />
            </div>
            <Section title={t('case.loans')} testId="case-loans">
              {d.statementsUnavailable ? <p className="problem">{t('case.statementsUnavailable')}: {d.statementsUnavailable}</p> : null}
              <table className="grid">
                <thead><tr><th>{t('case.loan')}</th><th>{t('collection.bucket')}</th><th className="num">{t('collection.dpd')}</th>
                  <th className="num">{t('collection.amountOverdue')}</th><th className="num">{t('case.payableNow')}</th>
                  <th className="num">{t('case.outstanding')}</th><th>{t('case.overdueInstallments')}</th></tr></thead>
                <tbody>
                  {d.loans.map((l) => (
                    <tr key={l.loanId} data-loan={l.loanId}>
                      <td><Link to={`/loans/${l.loanId}`}>{shortId(l.loanId)}</Link> <Badge group="loanStatus" value={l.statement?.status ?? l.state} /></td>
                      <td>{l.bucket}</td><td className="num">{l.daysPastDue}</td>
                      <td className="num">{money(l.amountOverdue)}</td>
                      <td className="num">{money(l.statement?.payableNow)}</td>
                      <td className="num">{money(l.statement?.outstandingPrincipal)}</td>
                      <td>{(l.statement?.installments ?? []).filter((i) => i.state === 'OVERDUE')
                        .map((i) => `#${i.period} ${i.dueDate} ${money(i.owed)}`).join(', ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
            <div className="columns">
              {d.summary.state === 'OPEN'
                ? <ContactLogger caseId={id} onLogged={reload} />
                : <Section title={t('case.logContact')}><p className="empty">{t('case.closed')}</p></Section>}
              <AdjustmentRequester loans={d.loans.map((l) => l.loanId)} onRequested={reloadAdjustments} />
            </div>
            <Section title={t('case.contacts')} testId="case-contacts">
              {d.contacts.length === 0 ? <p className="empty">{t('common.none')}</p> : (
                <table className="grid">
                  <thead><tr><th>{t('case.contactedAt')}</th><th>{t('collection.agent')}</th><th>{t('case.mobile')}</th>
                    <th>{t('case.outcome')}</th><th>{t('case.note')}</th></tr></thead>
                  <tbody>
                    {d.contacts.map((c) => (
                      <tr key={c.id} data-contact={c.id} data-outcome={c.outcome}>
                        <td className="nowrap">{instant(c.contactedAt, language)}</td><td>{c.agentId}</td>
                        <td className="mono">{c.mobile}</td><td>{v('contactOutcome', c.outcome)}</td><td>{c.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title={t('case.promises')} testId="case-promises">
              {d.promises.length === 0 ? <p className="empty">{t('common.none')}</p> : (
                <table className="grid">
                  <thead><tr><th>{t('case.madeOn')}</th><th>{t('case.promiseDate')}</th><th className="num">{t('case.promiseAmount')}</th>
                    <th className="num">{t('case.repaid')}</th><th>{t('collection.state')}</th></tr></thead>
                  <tbody>
                    {d.promises.map((p) => (
                      <tr key={p.id} data-promise={p.id} data-state={p.state}>
                        <td>{p.madeOn}</td><td>{p.date}</td><td className="num">{money(p.amount)}</td>
                        <td className="num">{money(p.repaid)}</td><td><Badge group="promiseState" value={p.state} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title={t('case.adjustments')} testId="case-adjustments">
              <Loaded load={adjustments}>
                {(list) => list.length === 0 ? <p className="empty">{t('common.none')}</p> : <AdjustmentTable list={list} />}
              </Loaded>
            </Section>
            <Section title={t('case.actions')} testId="case-actions">
              {d.actions.length === 0 ? <p className="empty">{t('common.none')}</p> : (
                <table className="grid">
                  <thead><tr><th>{t('case.businessDate')}</th><th>{t('case.actionKind')}</th><th>{t('collection.state')}</th>
                    <th>{t('case.outcome')}</th><th>{t('case.detail')}</th></tr></thead>
                  <tbody>
                    {d.actions.map((a) => (
                      <tr key={a.id}><td>{a.businessDate}</td><td>{a.kind}</td><td>{a.state}</td><td>{a.outcome ?? ''}</td>
                        <td>{a.detail ?? ''}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          </>
        )}
      </Loaded>
    </div>
  );
}

function Borrower({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const [customer] = useLoad<Customer>(`customer:${customerId}`, (api) => api.get(`/ops/v1/customers/${customerId}`));
  return (
    <Section title={t('case.borrower')} testId="case-borrower">
      <Loaded load={customer}>
        {(c) => (
          <>
            <Dl rows={[
              ['customer.name', c.name], ['customer.mobile', c.mobile], ['customer.idNumber', c.idNumber],
              ['case.customer', <Link to={`/customers/${customerId}`}>{shortId(customerId)}</Link>],
            ]} />
            <p className="hint">{t('customer.masked')}</p>
          </>
        )}
      </Loaded>
    </Section>
  );
}

const EMPTY_CONTACT: ContactForm = { outcome: 'PROMISED_TO_PAY', note: '', promised: true, promiseDate: '', promiseAmount: '' };

/**
 * Logging a call. The contact centre's dialler calls the borrower's mobile on record, so the form
 * asks for no number and the page never holds it whole; collection-service records it masked.
 */
function ContactLogger({ caseId, onLogged }: { caseId: string; onLogged: () => void }) {
  const { t, v } = useI18n();
  const api = useApi();
  const [form, setForm] = useState<ContactForm>(EMPTY_CONTACT);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<LoggedContact>();
  const errors = useFieldErrors(error, CONTACT_FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setLogged(undefined);
    try {
      setLogged(await api.post<LoggedContact>(`/ops/v1/collection/cases/${caseId}/contacts`, contactRequest(form)));
      setForm(EMPTY_CONTACT);
      onLogged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('case.logContact')} testId="contact-form">
      <form className="stacked" onSubmit={submit} noValidate>
        <p className="hint" data-testid="dialled">{t('case.dialled')}</p>
        <Field name="outcome" label={t('case.outcome')} errors={errors}>
          <select id="f-outcome" value={form.outcome}
                  onChange={(e) => setForm({ ...form, outcome: e.target.value, promised: e.target.value === 'PROMISED_TO_PAY' })}>
            {CONTACT_OUTCOMES.map((o) => <option key={o} value={o}>{v('contactOutcome', o)}</option>)}
          </select>
        </Field>
        <label className="check"><input id="f-promised" type="checkbox" checked={form.promised}
                                        onChange={(e) => setForm({ ...form, promised: e.target.checked })} /> {t('case.withPromise')}</label>
        {form.promised ? (
          <div className="row">
            <Field name="promise.date" label={t('case.promiseDate')} errors={errors}>
              <input id="f-promise-date" type="date" value={form.promiseDate}
                     onChange={(e) => setForm({ ...form, promiseDate: e.target.value })} />
            </Field>
            <Field name="promise.amount" label={t('case.promiseAmount')} errors={errors}>
              <input id="f-promise-amount" inputMode="decimal" value={form.promiseAmount}
                     onChange={(e) => setForm({ ...form, promiseAmount: e.target.value })} />
            </Field>
          </div>
        ) : null}
        <Field name="note" label={t('case.note')} errors={errors}>
          <textarea id="f-note" rows={2} maxLength={2000} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </Field>
        {errors.party ? <div className="problem" role="alert" data-field-error="party">{errors.party.join('; ')}</div> : null}
        <FormProblem error={error} errors={errors} />
        {logged ? <p className="ok" data-testid="contact-logged">{t('case.logged', { outcome: v('contactOutcome', logged.outcome), mobile: logged.mobile })}</p> : null}
        <div className="actions"><button type="submit" className="primary" disabled={busy} data-action="log-contact">{t('case.log')}</button></div>
      </form>
    </Section>
  );
}

/** Asking for an extension (展期) or a waiver (息费减免); a supervisor decides it on the approvals page. */
function AdjustmentRequester({ loans, onRequested }: { loans: string[]; onRequested: () => void }) {
  const { t, v } = useI18n();
  const api = useApi();
  const empty: AdjustmentForm = { loanId: loans[0] ?? '', kind: 'WAIVER', extraPeriods: '', penalty: '', interest: '', reason: '' };
  const [form, setForm] = useState<AdjustmentForm>(empty);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState<LoanAdjustment>();
  const errors = useFieldErrors(error, ADJUSTMENT_FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setRequested(undefined);
    try {
      setRequested(await api.post<LoanAdjustment>('/ops/v1/loan-adjustments', adjustmentRequest(form)));
      setForm(empty);
      onRequested();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('case.requestRelief')} testId="adjustment-form">
      <form className="stacked" onSubmit={submit} noValidate>
        <div className="row">
          <Field name="loanId" label={t('case.loan')} errors={errors}>
            <select id="f-loanId" value={form.loanId} onChange={(e) => setForm({ ...form, loanId: e.target.value })}>
              {loans.map((l) => <option key={l} value={l}>{shortId(l)}</option>)}
            </select>
          </Field>
          <Field name="kind" label={t('adjustments.kind')} errors={errors}>
            <select id="f-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as AdjustmentForm['kind'] })}>
              {(['WAIVER', 'EXTENSION'] as const).map((k) => <option key={k} value={k}>{v('adjustmentKind', k)}</option>)}
            </select>
          </Field>
        </div>
        {form.kind === 'EXTENSION' ? (
          <Field name="extraPeriods" label={t('adjustments.extraPeriods')} errors={errors}>
            <input id="f-extraPeriods" inputMode="numeric" value={form.extraPeriods}
                   onChange={(e) => setForm({ ...form, extraPeriods: e.target.value })} />
          </Field>
        ) : (
          <div className="row">
            <Field name="penalty" label={t('adjustments.penalty')} errors={errors}>
              <input id="f-penalty" inputMode="decimal" value={form.penalty} onChange={(e) => setForm({ ...form, penalty: e.target.value })} />
            </Field>
            <Field name="interest" label={t('adjustments.interest')} errors={errors}>
              <input id="f-interest" inputMode="decimal" value={form.interest} onChange={(e) => setForm({ ...form, interest: e.target.value })} />
            </Field>
          </div>
        )}
        <Field name="reason" label={t('adjustments.reason')} errors={errors}>
          <textarea id="f-reason" rows={2} maxLength={500} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        </Field>
        <FormProblem error={error} errors={errors} />
        {requested ? <p className="ok" data-testid="adjustment-requested" data-adjustment={requested.id}>
          {t('case.requested', { kind: v('adjustmentKind', requested.kind), state: v('adjustmentState', requested.state) })}</p> : null}
        <div className="actions"><button type="submit" className="primary" disabled={busy || loans.length === 0} data-action="request-adjustment">
          {t('case.request')}</button></div>
      </form>
    </Section>
  );
}

function AdjustmentTable({ list }: { list: LoanAdjustment[] }) {
  const { t, v, language } = useI18n();
  return (
    <table className="grid">
      <thead><tr><th>{t('adjustments.requestedAt')}</th><th>{t('adjustments.kind')}</th><th>{t('adjustments.terms')}</th>
        <th>{t('adjustments.maker')}</th><th>{t('adjustments.state')}</th><th>{t('adjustments.checker')}</th></tr></thead>
      <tbody>
        {list.map((a) => (
          <tr key={a.id} data-adjustment={a.id} data-state={a.state}>
            <td className="nowrap">{instant(a.requestedAt, language)}</td><td>{v('adjustmentKind', a.kind)}</td>
            <td>{terms(a, t)}</td><td>{a.maker}</td>
            <td><Badge group="adjustmentState" value={a.state} />{a.refusalReason ? ` ${a.refusalReason}` : ''}</td>
            <td>{a.checker ? `${a.checker}: ${a.decisionReason ?? ''}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function terms(a: LoanAdjustment, t: ReturnType<typeof useI18n>['t']): string {
  const parts: string[] = [];
  if (a.extraPeriods !== null) parts.push(t('adjustments.periods', { n: a.extraPeriods }));
  if (a.penalty !== null) parts.push(`${t('adjustments.penalty')} ${money(a.penalty)}`);
  if (a.interest !== null) parts.push(`${t('adjustments.interest')} ${money(a.interest)}`);
  return `${parts.join(', ')}${parts.length ? ' · ' : ''}${a.reason}`;
}

/**
 * Extensions and waivers waiting for a checker. Anyone on ops may read them; approving or rejecting is
 * the API's to allow (supervisors and administrators, never the maker), and its refusal shows on the card.
 */
export function Adjustments({ query }: { query: Record<string, string> }) {
  const { t, v } = useI18n();
  const state = query.state ?? 'REQUESTED';
  const page = Number(query.page ?? '0') || 0;
  const [load, reload] = useLoad<LoanAdjustment[]>(`adjustments:${state}:${page}:${query.loanId ?? ''}`, (api) =>
    api.get('/ops/v1/loan-adjustments', { state: state || undefined, loanId: query.loanId, page, size: PAGE_SIZE }));
  return (
    <div>
      <h1>{t('adjustments.title')}</h1>
      <div className="panel filters">
        <label className="field" htmlFor="f-adj-state">
          <span className="field-label">{t('adjustments.state')}</span>
          <select id="f-adj-state" value={state} onChange={(e) => navigate('/adjustments', { state: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {['REQUESTED', 'APPROVED', 'REJECTED', 'APPLIED', 'REFUSED'].map((s) => <option key={s} value={s}>{v('adjustmentState', s)}</option>)}
          </select>
        </label>
        <div className="actions"><button type="button" onClick={reload}>{t('common.refresh')}</button></div>
      </div>
      <Loaded load={load}>
        {(list) => (
          <div className="panel">
            {list.length === 0 ? <p className="empty">{t('adjustments.empty')}</p> : null}
            {list.map((a) => <AdjustmentCard key={a.id} adjustment={a} />)}
            <Pager page={page} hasNext={list.length === PAGE_SIZE} onPage={(p) => navigate('/adjustments', { state, page: p })} />
          </div>
        )}
      </Loaded>
    </div>
  );
}

const DECISION_FIELDS = ['reason'] as const;

function AdjustmentCard({ adjustment: initial }: { adjustment: LoanAdjustment }) {
  const { t, v, language } = useI18n();
  const api = useApi();
  const [adjustment, setAdjustment] = useState(initial);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, DECISION_FIELDS);

  const decide = async (verdict: 'approve' | 'reject', event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setAdjustment(await api.post<LoanAdjustment>(`/ops/v1/loan-adjustments/${adjustment.id}/${verdict}`, { reason }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="review" data-adjustment={adjustment.id} data-loan={adjustment.loanId} data-state={adjustment.state}>
      <header>
        <strong>{v('adjustmentKind', adjustment.kind)}</strong>
        <span> · <Link to={`/loans/${adjustment.loanId}`}>{t('case.loan')} {shortId(adjustment.loanId)}</Link></span>
        <span> · {t('collection.dpd')} {adjustment.daysPastDue}</span>
        <span> · {t('adjustments.maker')} {adjustment.maker} · {instant(adjustment.requestedAt, language)}</span>
        <Badge group="adjustmentState" value={adjustment.state} />
      </header>
      <p>{terms(adjustment, t)}</p>
      {adjustment.state === 'REQUESTED' ? (
        <form className="conclude" onSubmit={(e) => decide('approve', e)} noValidate>
          <Field name="reason" label={t('adjustments.decisionReason')} errors={errors}>
            <textarea id={`f-decision-${adjustment.id}`} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <FormProblem error={error} errors={errors} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} data-action="approve">{t('adjustments.approve')}</button>
            <button type="button" className="danger" disabled={busy} data-action="reject" onClick={() => decide('reject')}>{t('adjustments.reject')}</button>
          </div>
        </form>
      ) : (
        <p className="concluded" data-testid="adjustment-decided">
          {t('adjustments.decidedBy', { who: adjustment.checker ?? '—', at: instant(adjustment.decidedAt, language) })}: {adjustment.decisionReason ?? ''}
        </p>
      )}
    </article>
  );
}
