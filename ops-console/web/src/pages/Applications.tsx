import { useState, type FormEvent } from 'react';
import { Badge, Field, useFieldErrors, Link, Loaded, Pager, ProblemBox, useLoad } from '../components';
import { instant, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import type { ApplicationSummary, Paged } from '../types';

/** The states staff filter on (loan-order's own; the customer sees FRAUD_REVIEW as UNDER_REVIEW). */
export const APPLICATION_STATES = ['SUBMITTED', 'AUTHORISATION_SIGNED', 'FRAUD_REVIEW', 'FRAUD_CHECKED', 'DECIDED',
  'LIMIT_GRANTED', 'APPROVED', 'REJECTED', 'FAILED'] as const;
const FIELDS = ['state', 'customerId', 'from', 'to', 'page', 'size'] as const;
const PAGE_SIZE = 20;

/** A date picked in the form (a day in Beijing) as the instant the API filters on. */
export function dayStart(day: string | undefined): string | undefined {
  return day ? `${day}T00:00:00+08:00` : undefined;
}

/** Credit applications, searched, filtered and paged by loan-order-service, never in the browser. */
export function Applications({ query }: { query: Record<string, string> }) {
  const { t, v, language } = useI18n();
  const [form, setForm] = useState({ state: query.state ?? '', customerId: query.customerId ?? '',
    from: query.from ?? '', to: query.to ?? '' });
  const page = Number(query.page ?? '0') || 0;
  const [load] = useLoad<Paged<ApplicationSummary>>(JSON.stringify(query), (api) =>
    api.get('/ops/v1/credit-applications', {
      state: query.state, customerId: query.customerId, from: dayStart(query.from), to: dayStart(query.to),
      page, size: PAGE_SIZE,
    }));
  const error = load.state === 'failed' ? load.error : undefined;
  const errors = useFieldErrors(error, FIELDS);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate('/applications', { ...form, customerId: form.customerId.trim() });
  };

  return (
    <div>
      <h1>{t('applications.title')}</h1>
      <form className="panel filters" onSubmit={search} data-testid="application-search">
        <Field name="state" label={t('applications.state')} errors={errors}>
          <select id="f-state" value={form.state} onChange={(e) => setForm({ ...form, state: e.target.value })}>
            <option value="">{t('common.any')}</option>
            {APPLICATION_STATES.map((s) => <option key={s} value={s}>{v('applicationState', s)}</option>)}
          </select>
        </Field>
        <Field name="customerId" label={t('applications.customerId')} errors={errors}>
          <input id="f-customerId" value={form.customerId} placeholder="00000000-0000-0000-0000-000000000000"
                 onChange={(e) => setForm({ ...form, customerId: e.target.value })} />
        </Field>
        <Field name="from" label={t('applications.from')} errors={errors}>
          <input id="f-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </Field>
        <Field name="to" label={t('applications.to')} errors={errors}>
          <input id="f-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary">{t('common.search')}</button>
          <button type="button" onClick={() => { setForm({ state: '', customerId: '', from: '', to: '' }); navigate('/applications'); }}>
            {t('common.clear')}
          </button>
        </div>
        {error && !error.problem.errors?.length ? <ProblemBox error={error} /> : null}
      </form>
      {error ? null : (
        <Loaded load={load}>
          {(data) => (
            <div className="panel">
              <table className="grid" data-testid="applications">
                <thead>
                  <tr>
                    <th>{t('applications.id')}</th><th>{t('applications.applicant')}</th><th>{t('applications.mobile')}</th>
                    <th>{t('applications.state')}</th><th>{t('applications.step')}</th><th>{t('applications.reason')}</th>
                    <th>{t('applications.submittedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.length === 0 ? <tr><td colSpan={7} className="empty">{t('common.none')}</td></tr> : null}
                  {data.items.map((a) => (
                    <tr key={a.id} data-application={a.id}>
                      <td><Link to={`/applications/${a.id}`}>{shortId(a.id)}</Link></td>
                      <td><Link to={`/customers/${a.customerId}`}>{a.applicantName}</Link></td>
                      <td>{a.applicantMobile}</td>
                      <td><Badge group="applicationState" value={a.state} /></td>
                      <td>{a.step ?? '—'}</td>
                      <td>{a.reasonCode ?? '—'}</td>
                      <td>{instant(a.submittedAt, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={data.page} totalPages={data.totalPages} totalItems={data.totalItems}
                     onPage={(p) => navigate('/applications', { ...query, page: p })} />
            </div>
          )}
        </Loaded>
      )}
    </div>
  );
}
