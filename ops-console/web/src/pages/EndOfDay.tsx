import { useState } from 'react';
import { asApiError, Badge, Dl, Loaded, Pager, ProblemBox, Section, useApi, useLoad } from '../components';
import { instant } from '../format';
import { useI18n } from '../i18n/i18n';
import { eodProgress } from '../operations';
import type { ApiError } from '../problem';
import { navigate } from '../router';
import type { BusinessDate, EodPage, EodRun } from '../types-eod';
import { ProgressBar } from './ProgressBar';

const PAGE_SIZE = 15;
const POLL_MS = 500;

/**
 * End of day: the business date, the latest run with its bar while it runs, starting the next one
 * (finance and administrators; the API refuses anyone else) and the history of runs.
 */
export function EndOfDay({ query }: { query: Record<string, string> }) {
  const { t, v, language } = useI18n();
  const api = useApi();
  const page = Number(query.page ?? '0') || 0;
  const [load, reload] = useLoad<{ date: BusinessDate; history: EodPage }>(`eod:${page}`, async (a) => {
    const [date, history] = await Promise.all([a.get<BusinessDate>('/ops/v1/business-date'),
      a.get<EodPage>('/ops/v1/eod/runs', { page, size: PAGE_SIZE })]);
    return { date, history };
  }, { pollMs: POLL_MS, keepPolling: (d) => d.history.items.some((r) => r.status === 'RUNNING') });
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<BusinessDate>('/ops/v1/eod/runs', {});
      if (page !== 0) navigate('/eod');
      reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h1>{t('eod.title')}</h1>
      <Loaded load={load}>
        {({ date, history }) => {
          const latest: EodRun | undefined = history.items[0];
          const running = history.items.some((r) => r.status === 'RUNNING');
          return (
            <>
              <Section title={t('eod.current')} testId="eod-current">
                <Dl rows={[
                  ['eod.businessDate', <span data-testid="business-date">{date.businessDate}</span>],
                  ['eod.latest', latest ? <span data-testid="eod-latest" data-date={latest.businessDate} data-status={latest.status}>
                    {latest.businessDate} · <Badge group="eodStatus" value={latest.status} /> · {v('eodPhase', latest.phase)}</span> : '—'],
                ]} />
                {latest && page === 0 ? (
                  <ProgressBar progress={eodProgress(latest)} testId="eod-progress"
                               label={t('eod.loans', { done: latest.loansDone, total: latest.loansTotal })} />
                ) : null}
                {latest?.failure ? <p className="problem">{latest.failure}</p> : null}
                {error ? <ProblemBox error={error} /> : null}
                <div className="actions">
                  <button type="button" className="primary" disabled={busy || running} data-action="start-eod" onClick={start}>
                    {t('eod.start', { date: date.businessDate })}</button>
                </div>
              </Section>
              <Section title={t('eod.history')} testId="eod-history">
                <table className="grid">
                  <thead><tr><th>{t('eod.businessDate')}</th><th>{t('eod.status')}</th><th>{t('eod.phase')}</th>
                    <th className="num">{t('eod.loansCol')}</th><th className="num">{t('eod.batches')}</th>
                    <th className="num">{t('eod.attempts')}</th><th>{t('eod.startedAt')}</th><th>{t('eod.finishedAt')}</th>
                    <th>{t('eod.failure')}</th></tr></thead>
                  <tbody>
                    {history.items.length === 0 ? <tr><td colSpan={9} className="empty">{t('common.none')}</td></tr> : null}
                    {history.items.map((r) => (
                      <tr key={r.businessDate} data-eod={r.businessDate} data-status={r.status}>
                        <td>{r.businessDate}</td><td><Badge group="eodStatus" value={r.status} /></td><td>{v('eodPhase', r.phase)}</td>
                        <td className="num">{r.loansDone} / {r.loansTotal}</td><td className="num">{r.batches}</td>
                        <td className="num">{r.attempts}</td><td className="nowrap">{instant(r.startedAt, language)}</td>
                        <td className="nowrap">{instant(r.finishedAt, language)}</td><td>{r.failure ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager page={history.page} totalPages={history.totalPages} totalItems={history.totalItems}
                       onPage={(p) => navigate('/eod', { page: p })} />
              </Section>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
