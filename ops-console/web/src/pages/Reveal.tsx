import { useState, type FormEvent } from 'react';
import { asApiError, Dl, Field, FormProblem, Section, useApi, useFieldErrors } from '../components';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../problem';
import type { CustomerIdentity } from '../types-admin';

const REVEAL_FIELDS = ['purpose'] as const;

/**
 * The customer's personal data in full, for a role that may see it and with the purpose stated;
 * the service records the purpose on its audit trail before answering. Shown only until the page
 * is left; never stored in the browser.
 */
export function RevealPanel({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const [purpose, setPurpose] = useState('');
  const [identity, setIdentity] = useState<CustomerIdentity>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, REVEAL_FIELDS);

  const reveal = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setIdentity(await api.post<CustomerIdentity>(`/ops/v1/customers/${customerId}/reveal`, { purpose }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('reveal.title')} testId="reveal">
      {identity ? (
        <div data-testid="revealed">
          <Dl rows={[['customer.name', identity.name], ['customer.mobile', identity.mobile], ['customer.idNumber', identity.idNumber]]} />
          <p className="hint">{t('reveal.recorded', { purpose })}</p>
          <button type="button" onClick={() => { setIdentity(undefined); setPurpose(''); }}>{t('reveal.hide')}</button>
        </div>
      ) : (
        <form onSubmit={reveal} noValidate className="edit-form">
          <Field name="purpose" label={t('reveal.purpose')} errors={errors}>
            <textarea id="f-purpose" rows={2} maxLength={500} value={purpose} onChange={(e) => setPurpose(e.target.value)}
                      placeholder={t('reveal.purposeHint')} />
          </Field>
          <FormProblem error={error} errors={errors} />
          <div className="actions"><button type="submit" className="danger" disabled={busy} data-action="reveal">{t('reveal.submit')}</button></div>
        </form>
      )}
    </Section>
  );
}
