import { Badge, Dl, Link, Loaded, Section, useLoad } from '../components';
import { instant, money, rate, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import type { ApplicationDetail as Detail, DecisionView, FiredRule, TimelineLine } from '../types';

/** The application's saga is over once it is in one of these; until then the page follows it. */
export const CONCLUDED = new Set(['APPROVED', 'REJECTED', 'FAILED']);
const POLL_MS = 1000;

/** The steps an application goes through, in order, for the progress bar. */
export const SAGA_STEPS = ['SUBMITTED', 'AUTHORISATION_SIGNED', 'FRAUD_CHECKED', 'DECIDED', 'LIMIT_GRANTED', 'APPROVED'] as const;

/** How far along the saga is, 0 to 1: FRAUD_REVIEW waits for a person between signing and the fraud check's end. */
export function sagaProgress(state: string): number {
  if (CONCLUDED.has(state)) return 1;
  const index = state === 'FRAUD_REVIEW' ? 1.5 : SAGA_STEPS.indexOf(state as (typeof SAGA_STEPS)[number]);
  return index < 0 ? 0 : index / (SAGA_STEPS.length - 1);
}

interface Assessment {
  result: string;
  score: number;
  firedRules: FiredRule[];
  assessedAt: string;
}

/** One application: where it stands, its whole timeline, the fraud rules that fired and the decision's reasons. */
export function ApplicationDetail({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [load] = useLoad<Detail>(`application:${id}`, (api) => api.get(`/ops/v1/credit-applications/${id}`),
    { pollMs: POLL_MS, keepPolling: (d) => !CONCLUDED.has(d.application.state) });
  const state = load.state === 'done' ? load.data.application.state : '';
  const [fraud] = useLoad<Assessment>(`fraud:${id}:${state}`, (api) => api.get(`/ops/v1/antifraud/assessments/${id}`));
  const [decision] = useLoad<DecisionView>(`decision:${id}:${CONCLUDED.has(state) || state === 'DECIDED' || state === 'LIMIT_GRANTED'}`,
    (api) => api.get(`/ops/v1/credit-decision/decisions/${id}`));

  return (
    <div>
      <h1>{t('application.title')} <span className="mono">{shortId(id)}</span></h1>
      <Loaded load={load}>
        {(d) => (
          <>
            <Section title={t('application.summary')} testId="application-summary">
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100}
                   aria-valuenow={Math.round(sagaProgress(d.application.state) * 100)}>
                <div className={`progress-bar${CONCLUDED.has(d.application.state) ? '' : ' running'}`}
                     style={{ width: `${Math.round(sagaProgress(d.application.state) * 100)}%` }} />
              </div>
              <Dl rows={[
                ['application.state', <span data-testid="application-state" data-state={d.application.state}>
                  <Badge group="applicationState" value={d.application.state} />
                  {CONCLUDED.has(d.application.state) ? null : <span className="following"> {t('application.following')}</span>}
                </span>],
                ['application.customer', <Link to={`/customers/${d.application.customerId}`}>
                  {d.application.applicantName} · {d.application.applicantMobile} · {d.application.applicantIdNumber}</Link>],
                ['application.step', d.application.step ?? '—'],
                ['application.reason', d.reason ?? d.application.reasonCode ?? '—'],
                ['application.submittedAt', instant(d.application.submittedAt, language)],
                ['application.concludedAt', instant(d.application.concludedAt, language)],
                ['application.grant', d.decision
                  ? `${d.decision.riskGrade ?? '—'} · ${money(d.decision.creditLimit)} · ${rate(d.decision.annualRate)}` : '—'],
                ['application.authorisation', d.authorisation
                  ? <span className="mono" title={d.authorisation.sha256}>{shortId(d.authorisation.documentId)} · sha256 {d.authorisation.sha256.slice(0, 12)}…</span>
                  : '—'],
              ]} />
            </Section>
            <div className="columns">
              <Section title={t('application.fraud')} testId="fraud-panel">
                <Loaded load={fraud} notYet={t('application.noAssessmentYet')}>
                  {(f) => (
                    <>
                      <p><Badge group="fraudResult" value={f.result} /> {t('application.score', { score: f.score })}</p>
                      <RuleList rules={f.firedRules} />
                    </>
                  )}
                </Loaded>
              </Section>
              <Section title={t('application.decision')} testId="decision-panel">
                <Loaded load={decision} notYet={t('application.noDecisionYet')}>
                  {(dv) => (
                    <>
                      <p><Badge group="decisionOutcome" value={dv.outcome} /> {dv.grade ?? ''} {money(dv.creditLimit)} {rate(dv.annualRate)}</p>
                      <ol className="reasons">{dv.reasons.map((r, i) => <li key={i}>{r}</li>)}</ol>
                    </>
                  )}
                </Loaded>
              </Section>
            </div>
            <Section title={t('application.timeline')} testId="timeline">
              <Timeline lines={d.timeline} />
            </Section>
          </>
        )}
      </Loaded>
    </div>
  );
}

function RuleList({ rules }: { rules: FiredRule[] }) {
  const { t } = useI18n();
  if (rules.length === 0) return <p className="empty">{t('application.noRules')}</p>;
  return (
    <ul className="rules">
      {rules.map((r) => <li key={r.code}><strong>{r.code}</strong> ({r.action}, {r.score}): {r.reason}</li>)}
    </ul>
  );
}

export function Timeline({ lines }: { lines: TimelineLine[] }) {
  const { t, language } = useI18n();
  return (
    <table className="grid timeline">
      <thead>
        <tr><th>{t('timeline.at')}</th><th>{t('timeline.kind')}</th><th>{t('timeline.step')}</th>
          <th>{t('timeline.message')}</th><th>{t('timeline.attempt')}</th><th>{t('timeline.note')}</th></tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i} data-kind={line.kind}>
            <td className="nowrap">{instant(line.at, language)}</td>
            <td>{line.kind}{line.state ? <> → <Badge group="applicationState" value={line.state} /></> : null}</td>
            <td>{line.step ?? ''}</td>
            <td className="mono">{line.messageType ?? ''}</td>
            <td>{line.attempt ?? ''}</td>
            <td>{line.note ?? ''}{line.details && Object.keys(line.details).length > 0
              ? <div className="details">{detailsText(line.details)}</div> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A timeline line's details as readable text: reasons, fired rules and the like, without JSON punctuation. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details).map(([key, value]) => `${key}: ${plain(value)}`).join(' · ');
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(plain).join('; ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${plain(v)}`).join(', ');
  return String(value);
}
