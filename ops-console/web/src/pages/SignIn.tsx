import { useState, type FormEvent } from 'react';
import { signIn, type Session } from '../api';
import { asApiError, Field, useFieldErrors, FormProblem } from '../components';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../problem';

const FIELDS = ['username', 'password'] as const;

export function SignIn({ onSignedIn, initialError }: { onSignedIn: (session: Session) => void; initialError?: ApiError }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>(initialError);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(username, password));
    } catch (e) {
      setError(asApiError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <form onSubmit={submit} className="panel sign-in-form" noValidate data-testid="sign-in-form">
        <h1>{t('app.title')}</h1>
        <p className="hint">{t('signIn.hint')}</p>
        <Field name="username" label={t('signIn.username')} errors={errors}>
          <input id="f-username" name="username" autoComplete="username" value={username}
                 onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field name="password" label={t('signIn.password')} errors={errors}>
          <input id="f-password" name="password" type="password" autoComplete="current-password" value={password}
                 onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <FormProblem error={error} errors={errors} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('signIn.submit')}</button>
      </form>
    </div>
  );
}
