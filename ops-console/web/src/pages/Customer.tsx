import { useState, type FormEvent } from 'react';
import { Badge, Dl, Link, Loaded, Section, useLoad } from '../components';
import { instant, money, rate, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { RevealPanel } from './Reveal';
import type { ApplicationSummary, CreditLineHistory, Customer as CustomerView, DrawdownSummary, Paged } from '../types';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Finding a customer: by their id (from an application, a case or a call note). */
export function CustomerLookup() {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [error, setError] = useState<string>();
  const go = (event: FormEvent) => {
    event.preventDefault();
    if (!UUID.test(id.trim())) {
      setError(t('customers.badId'));
      return;
    }
    navigate(`/customers/${id.trim().toLowerCase()}`);
  };
  return (
    <div>
      <h1>{t('customers.title')}</h1>
      <form className="panel filters" onSubmit={go} noValidate>
        <label className={`field${error ? ' has-error' : ''}`} htmlFor="f-id">
          <span className="field-label">{t('customers.id')}</span>
          <input id="f-id" value={id} onChange={(e) => setId(e.target.value)} placeholder="00000000-0000-0000-0000-000000000000" />
          {error ? <span className="field-error" role="alert">{error}</span> : null}
        </label>
        <div className="actions"><button type="submit" className="primary">{t('common.open')}</button></div>
      </form>
      <p className="hint">{t('customers.hint')}</p>
    </div>
  );
}

/** One customer as staff may see them: masked identity, the credit line, applications and loans. */
export function Customer({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [customer] = useLoad<CustomerView>(`customer:${id}`, (api) => api.get(`/ops/v1/customers/${id}`));
  const [line] = useLoad<CreditLineHistory>(`line:${id}`, (api) => api.get(`/ops/v1/credit-lines/${id}`));
  const [applications] = useLoad<Paged<ApplicationSummary>>(`apps:${id}`, (api) =>
    api.get('/ops/v1/credit-applications', { customerId: id, size: 20 }));
  const [drawdowns] = useLoad<Paged<DrawdownSummary>>(`drawdowns:${id}`, (api) =>
    api.get('/ops/v1/drawdowns', { customerId: id, size: 50 }));

  return (
    <div>
      <h1>{t('customer.title')} <span className="mono">{shortId(id)}</span></h1>
      <div className="columns">
        <Section title={t('customer.identity')} testId="customer-identity">
          <Loaded load={customer}>
            {(c) => (
              <>
                <Dl rows={[
                  ['customer.name', c.name], ['customer.mobile', c.mobile], ['customer.idNumber', c.idNumber],
                  ['customer.registeredAt', instant(c.registeredAt, language)],
                ]} />
                <p className="hint">{t('customer.masked')}</p>
              </>
            )}
          </Loaded>
        </Section>
        <Section title={t('customer.creditLine')} testId="credit-line">
          <Loaded load={line}>
            {(h) => (
              <Dl rows={[
                ['line.status', <Badge group="lineStatus" value={h.line.status} />],
                ['line.limit', money(h.line.creditLimit)], ['line.available', money(h.line.available)],
                ['line.occupied', money(h.line.occupied)], ['line.reserved', money(h.line.reserved)],
                ['line.rate', rate(h.line.annualRate)], ['line.grade', h.line.grade ?? '—'],
                ['line.expiresOn', h.line.expiresOn ?? '—'],
                ['line.freeze', h.freeze ? `${h.freeze.code}: ${h.freeze.reason}` : '—'],
              ]} />
            )}
          </Loaded>
        </Section>
      </div>
      <RevealPanel customerId={id} />
      <Section title={t('customer.loans')} testId="customer-loans">
        <Loaded load={drawdowns}>
          {(page) => page.items.length === 0 ? <p className="empty">{t('common.none')}</p> : (
            <table className="grid">
              <thead><tr><th>{t('drawdown.id')}</th><th>{t('drawdown.amount')}</th><th>{t('drawdown.term')}</th>
                <th>{t('drawdown.state')}</th><th>{t('drawdown.loan')}</th><th>{t('drawdown.submittedAt')}</th></tr></thead>
              <tbody>
                {page.items.map((d) => (
                  <tr key={d.id}>
                    <td className="mono">{shortId(d.id)}</td>
                    <td>{money(d.amount)}</td>
                    <td>{t('drawdown.months', { n: d.termMonths })} · {d.method}</td>
                    <td><Badge group="drawdownState" value={d.state} />{d.reasonCode ? ` ${d.reasonCode}` : ''}</td>
                    <td>{d.loanId ? <Link to={`/loans/${d.loanId}`} testId="loan-link">{shortId(d.loanId)}</Link> : '—'}</td>
                    <td>{instant(d.submittedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      <Section title={t('customer.applications')} testId="customer-applications">
        <Loaded load={applications}>
          {(page) => page.items.length === 0 ? <p className="empty">{t('common.none')}</p> : (
            <ul className="plain">
              {page.items.map((a) => (
                <li key={a.id}><Link to={`/applications/${a.id}`}>{shortId(a.id)}</Link>{' '}
                  <Badge group="applicationState" value={a.state} /> {instant(a.submittedAt, language)}</li>
              ))}
            </ul>
          )}
        </Loaded>
      </Section>
    </div>
  );
}
