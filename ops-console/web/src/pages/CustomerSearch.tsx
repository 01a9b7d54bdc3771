import { useState, type FormEvent } from 'react';
import { customerSearchBody } from '../admin';
import { asApiError, Field, FormProblem, Link, Pager, useApi, useFieldErrors } from '../components';
import { instant, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../problem';
import type { Customer, Paged } from '../types';
import { CustomerLookup } from './Customer';

const SEARCH_FIELDS = ['mobile', 'name', 'page', 'size'] as const;

/**
 * Finding a customer by what a caller gives on the phone: the exact mobile or the exact name. The
 * search is a POST and the typed value stays in the page's memory, never in the address bar (so in
 * no history or log); results come back masked.
 */
export function CustomerSearch() {
  const { t, language } = useI18n();
  const api = useApi();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Paged<Customer>>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, SEARCH_FIELDS);
  // Whichever field the API names, the message belongs next to the one box the person typed in.
  const boxErrors = { ...errors, who: [...(errors.mobile ?? []), ...(errors.name ?? [])] };
  if (boxErrors.who.length === 0) delete (boxErrors as Record<string, string[]>).who;

  const search = async (page: number, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.post<Paged<Customer>>('/ops/v1/customers/search', customerSearchBody(text, page)));
    } catch (e) {
      setResult(undefined);
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h1>{t('customerSearch.title')}</h1>
      <form className="panel filters" onSubmit={(e) => search(0, e)} noValidate data-testid="customer-search">
        <Field name="who" label={t('customerSearch.who')} errors={boxErrors}>
          <input id="f-who" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} placeholder={t('customerSearch.placeholder')} />
        </Field>
        <div className="actions"><button type="submit" className="primary" disabled={busy || !text.trim()}>{t('common.search')}</button></div>
        <FormProblem error={error} errors={errors} />
      </form>
      {result ? (
        <div className="panel">
          <table className="grid" data-testid="customer-results" data-total={result.totalItems}>
            <thead><tr><th>{t('customers.id')}</th><th>{t('customer.name')}</th><th>{t('customer.mobile')}</th>
              <th>{t('customer.idNumber')}</th><th>{t('customer.registeredAt')}</th></tr></thead>
            <tbody>
              {result.items.length === 0 ? <tr><td colSpan={5} className="empty">{t('common.none')}</td></tr> : null}
              {result.items.map((c) => (
                <tr key={c.id} data-customer={c.id}>
                  <td><Link to={`/customers/${c.id}`} testId="customer-link">{shortId(c.id)}</Link></td>
                  <td>{c.name}</td><td>{c.mobile}</td><td>{c.idNumber}</td><td>{instant(c.registeredAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={result.page} totalPages={result.totalPages} totalItems={result.totalItems} onPage={(p) => search(p)} />
        </div>
      ) : null}
      <CustomerLookup />
    </div>
  );
}
