import { addDays, approvalRate, fractionAsPercent, overdueRates, percent, yuan } from '../admin';
import { BarChart, MeterRows } from '../charts';
import { Loaded, Section, useLoad } from '../components';
import { money } from '../format';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import type { BreakPage, CollectionMetrics, CountOnly, Portfolio, Positions } from '../types-admin';
import { dayStart } from './Applications';
import { beijingToday } from './Reconciliation';

const PERIODS = [7, 14, 30, 90] as const;
export const BREAK_CLASSES = ['MISSING_ON_OUR_SIDE', 'MISSING_ON_THEIR_SIDE', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH', 'DATE_MISMATCH'] as const;

/**
 * The book at a glance. Every figure is computed by the service that owns it (grouped in SQL, counted
 * on the server); the page only draws them. Each panel loads on its own, so a role that may not read
 * one source (an agent and the ledger) sees "not allowed" there and the rest of the page.
 */
export function Dashboard({ query }: { query: Record<string, string> }) {
  const { t } = useI18n();
  const days = PERIODS.includes(Number(query.days) as (typeof PERIODS)[number]) ? Number(query.days) : 14;
  const [portfolio] = useLoad<Portfolio>(`portfolio:${days}`, async (api) => {
    const now = await api.get<Portfolio>('/ops/v1/loans/portfolio');
    return days === 14 ? now : api.get<Portfolio>('/ops/v1/loans/portfolio', { from: addDays(now.businessDate, 1 - days), to: now.businessDate });
  });

  return (
    <div data-testid="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <div className="panel filters">
        <label className="field" htmlFor="f-days">
          <span className="field-label">{t('dashboard.period')}</span>
          <select id="f-days" value={days} onChange={(e) => navigate('/dashboard', { days: e.target.value })}>
            {PERIODS.map((d) => <option key={d} value={d}>{t('dashboard.lastDays', { n: d })}</option>)}
          </select>
        </label>
        {portfolio.state === 'done' ? (
          <p className="hint" data-testid="business-date">{t('dashboard.businessDate', { date: portfolio.data.businessDate })}</p>
        ) : null}
      </div>
      <Section title={t('dashboard.flows')} testId="flows">
        <Loaded load={portfolio}>{(p) => <Flows portfolio={p} />}</Loaded>
      </Section>
      <div className="columns">
        <Section title={t('dashboard.approval')} testId="approval">
          <Loaded load={portfolio}>{(p) => <Approval from={p.from} to={p.to} />}</Loaded>
        </Section>
        <Section title={t('dashboard.overdue')} testId="overdue">
          <Loaded load={portfolio}>{(p) => <Overdue portfolio={p} />}</Loaded>
        </Section>
      </div>
      <div className="columns">
        <Section title={t('dashboard.rolls')} testId="rolls">
          <Loaded load={portfolio}>{(p) => <Rolls date={query.rollDate ?? addDays(p.businessDate, -1)} days={days} />}</Loaded>
        </Section>
        <Section title={t('dashboard.positions')} testId="positions">
          <FundingPositions />
        </Section>
      </div>
      <Section title={t('dashboard.breaks')} testId="breaks">
        <BreaksByClass />
      </Section>
    </div>
  );
}

function Flows({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useI18n();
  const lent = portfolio.days.reduce((sum, d) => sum + d.loansOpened, 0);
  const repaid = portfolio.days.reduce((sum, d) => sum + d.repayments, 0);
  return (
    <>
      <BarChart testId="flows-chart" ariaLabel={t('dashboard.flows')} categories={portfolio.days.map((d) => d.date)} series={[
        { key: 'disbursed', label: t('dashboard.disbursed'), values: portfolio.days.map((d) => yuan(d.disbursed)), texts: portfolio.days.map((d) => money(d.disbursed)) },
        { key: 'repaid', label: t('dashboard.repaid'), values: portfolio.days.map((d) => yuan(d.repaid)), texts: portfolio.days.map((d) => money(d.repaid)) },
      ]} />
      <p className="hint" data-testid="flows-totals" data-loans={lent} data-repayments={repaid}>
        {t('dashboard.flowsTotals', { from: portfolio.from, to: portfolio.to, loans: lent, repayments: repaid })}
      </p>
    </>
  );
}

interface Counts { approved: number; rejected: number; failed: number; all: number }

function Approval({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  // Submitted within the period, in Beijing days; the counts are loan-order's own (totalItems of a one-row page).
  // The period ends at the business date, which stays on yesterday until end of day has run; applications
  // are submitted on the calendar, so today's (in Beijing) are counted too.
  const today = beijingToday();
  const through = today > to ? today : to;
  const period = { from: dayStart(from), to: dayStart(addDays(through, 1)), size: 1 };
  const [load] = useLoad<Counts>(`approval:${from}:${through}`, async (api) => {
    const count = (state?: string) => api.get<CountOnly>('/ops/v1/credit-applications', { ...period, state }).then((p) => p.totalItems);
    const [approved, rejected, failed, all] = await Promise.all([count('APPROVED'), count('REJECTED'), count('FAILED'), count()]);
    return { approved, rejected, failed, all };
  });
  return (
    <Loaded load={load}>
      {(c) => (
        <div data-testid="approval-rate" data-approved={c.approved} data-rejected={c.rejected}>
          <div className="big-figure">{approvalRate(c.approved, c.rejected) ?? '—'}</div>
          <MeterRows rows={[
            { key: 'approved', label: t('dashboard.approved'), percent: share(c.approved, c.all), text: String(c.approved) },
            { key: 'rejected', label: t('dashboard.rejected'), percent: share(c.rejected, c.all), text: String(c.rejected) },
            { key: 'failed', label: t('dashboard.failed'), percent: share(c.failed, c.all), text: String(c.failed) },
            { key: 'open', label: t('dashboard.inProgress'), percent: share(c.all - c.approved - c.rejected - c.failed, c.all),
              text: String(c.all - c.approved - c.rejected - c.failed) },
          ]} />
          <p className="hint">{t('dashboard.approvalHint', { all: c.all })}</p>
        </div>
      )}
    </Loaded>
  );
}

/** A share as the number MeterRows draws ("12.5"), or null without a base. */
function share(part: number, whole: number): string | null {
  const text = percent(part, whole);
  return text === null ? null : text.replace('%', '');
}

function Overdue({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useI18n();
  const rates = overdueRates(portfolio.buckets);
  return (
    <div data-testid="overdue-rates">
      <div className="big-figure" data-testid="overdue-total">{rates.total ?? '—'}</div>
      <MeterRows rows={rates.byBucket.map((b) => ({
        key: b.bucket, label: b.bucket, percent: b.share === null ? null : b.share.replace('%', ''),
        text: `${b.share ?? '—'} · ${t('dashboard.loans', { n: b.loans })} · ${money(b.outstandingPrincipal)}`,
      }))} />
      <p className="hint">{t('dashboard.overdueHint', { m0: portfolio.buckets.find((b) => b.bucket === 'M0')?.loans ?? 0 })}</p>
    </div>
  );
}

function Rolls({ date, days }: { date: string; days: number }) {
  const { t } = useI18n();
  const [load] = useLoad<CollectionMetrics>(`rolls:${date}`, (api) => api.get('/ops/v1/collection/metrics', { date }));
  return (
    <>
      <label className="field inline" htmlFor="f-rollDate">
        <span className="field-label">{t('dashboard.rollDate')}</span>
        <input id="f-rollDate" type="date" value={date} onChange={(e) => navigate('/dashboard', { days, rollDate: e.target.value })} />
      </label>
      <Loaded load={load}>
        {(m) => (
          <div data-testid="roll-rates">
            <MeterRows rows={m.rollRates.map((r) => ({
              key: `${r.from}-${r.to}`, label: `${r.from}→${r.to}`,
              percent: fractionAsPercent(r.rate)?.replace('%', '') ?? null,
              text: `${fractionAsPercent(r.rate) ?? '—'} (${r.rolled}/${r.base})`,
            }))} />
            <p className="hint">{t('dashboard.rollHint', { opened: m.casesOpened, closed: m.casesClosed, recovered: money(m.amountRecovered) })}</p>
          </div>
        )}
      </Loaded>
    </>
  );
}

function FundingPositions() {
  const { t } = useI18n();
  const [load] = useLoad<Positions>('positions', (api) => api.get('/ops/v1/funding/positions'));
  return (
    <Loaded load={load}>
      {(p) => p.positions.length === 0 ? <p className="empty">{t('common.none')}</p> : (
        <>
          <MeterRows testId="position-meters" markPercent={p.warningPercent} rows={p.positions.map((x) => ({
            key: x.partnerId, label: x.partnerName ?? x.partnerId, percent: x.percentUsed,
            text: `${x.percentUsed ?? '—'}% · ${money(x.used)} + ${money(x.reserved)} / ${money(x.totalPlan)}`,
          }))} />
          <p className="hint">{t('dashboard.positionsHint', { date: p.businessDate, warn: p.warningPercent })}</p>
        </>
      )}
    </Loaded>
  );
}

interface ClassCount { breakClass: string; open: number; investigating: number }

function BreaksByClass() {
  const { t, v } = useI18n();
  const [load] = useLoad<ClassCount[]>('breaks-by-class', (api) => Promise.all(BREAK_CLASSES.map(async (breakClass) => {
    const count = (state: string) => api.get<BreakPage>('/ops/v1/reconciliation/breaks', { class: breakClass, state, size: 1 })
      .then((page) => page.totalItems);
    const [open, investigating] = await Promise.all([count('OPEN'), count('INVESTIGATING')]);
    return { breakClass, open, investigating };
  })));
  return (
    <Loaded load={load}>
      {(rows) => (
        <div data-testid="breaks-by-class" data-total={rows.reduce((s, r) => s + r.open + r.investigating, 0)}>
          <BarChart ariaLabel={t('dashboard.breaks')} categories={rows.map((r) => r.breakClass)}
                    labelOf={(c) => v('dashboardBreakClass', c)} series={[
            { key: 'open', label: v('dashboardBreakState', 'OPEN'), values: rows.map((r) => r.open), texts: rows.map((r) => String(r.open)) },
            { key: 'investigating', label: v('dashboardBreakState', 'INVESTIGATING'), values: rows.map((r) => r.investigating),
              texts: rows.map((r) => String(r.investigating)) },
          ]} />
        </div>
      )}
    </Loaded>
  );
}
