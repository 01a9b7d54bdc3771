import { Badge, Dl, Link, Loaded, Section, useLoad } from '../components';
import { instant, money, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import type { InstallmentLine, JournalLine, LoanHistory, RepaymentOrder, Statement } from '../types';

/** How an installment is marked in the schedule: paid, overdue (past grace, unpaid), due (within grace) or not yet due. */
export function installmentMark(line: InstallmentLine): 'paid' | 'overdue' | 'due' | 'not-due' {
  switch (line.state) {
    case 'PAID': return 'paid';
    case 'OVERDUE': return 'overdue';
    case 'DUE': return 'due';
    default: return 'not-due';
  }
}

/** One loan: its schedule with paid and overdue marks, what the ledger received, the channel's collections and the journal. */
export function Loan({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [statement] = useLoad<Statement>(`statement:${id}`, (api) => api.get(`/ops/v1/loans/${id}/statement`));
  const [orders] = useLoad<RepaymentOrder[]>(`orders:${id}`, (api) => api.get('/ops/v1/repayment-orders', { loanId: id }));
  const [history] = useLoad<LoanHistory>(`history:${id}`, (api) => api.get(`/ops/v1/loans/${id}/history`));

  return (
    <div>
      <h1>{t('loan.title')} <span className="mono">{shortId(id)}</span></h1>
      <Loaded load={statement}>
        {(s) => (
          <>
            <Section title={t('loan.summary')} testId="loan-summary">
              <Dl rows={[
                ['loan.status', <Badge group="loanStatus" value={s.status} />],
                ['loan.customer', <Link to={`/customers/${s.customerId}`}>{shortId(s.customerId)}</Link>],
                ['loan.principal', money(s.principal)], ['loan.outstanding', money(s.outstandingPrincipal)],
                ['loan.payableNow', money(s.payableNow)], ['loan.dpd', `${s.daysPastDue} · ${s.bucket}`],
                ['loan.asOf', s.asOf], ['loan.scheduleVersion', String(s.scheduleVersion)],
              ]} />
            </Section>
            <Section title={t('loan.schedule')} testId="schedule">
              <table className="grid">
                <thead><tr><th>{t('loan.period')}</th><th>{t('loan.dueDate')}</th><th>{t('loan.mark')}</th>
                  <th className="num">{t('loan.principalCol')}</th><th className="num">{t('loan.interest')}</th>
                  <th className="num">{t('loan.penalty')}</th><th className="num">{t('loan.paid')}</th>
                  <th className="num">{t('loan.owed')}</th></tr></thead>
                <tbody>
                  {s.installments.map((i) => (
                    <tr key={i.period} className={`mark-${installmentMark(i)}`} data-period={i.period} data-mark={installmentMark(i)}>
                      <td>{i.period}</td><td>{i.dueDate}</td>
                      <td><Badge group="installmentState" value={i.state} /></td>
                      <td className="num">{money(i.principal)}</td><td className="num">{money(i.interest)}</td>
                      <td className="num">{money(i.penalty)}</td>
                      <td className="num">{money(sum(i.principalPaid, i.interestPaid, i.penaltyPaid))}</td>
                      <td className="num">{money(i.owed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
            <Section title={t('loan.repayments')} testId="ledger-repayments">
              {s.repayments.length === 0 ? <p className="empty">{t('common.none')}</p> : (
                <table className="grid">
                  <thead><tr><th>{t('loan.receivedAt')}</th><th>{t('loan.kind')}</th><th className="num">{t('loan.amount')}</th>
                    <th>{t('loan.status')}</th><th>{t('loan.allocation')}</th></tr></thead>
                  <tbody>
                    {s.repayments.map((r) => (
                      <tr key={r.id}>
                        <td>{instant(r.receivedAt, language)}</td><td>{r.kind}</td><td className="num">{money(r.amount)}</td>
                        <td>{r.status}{r.reversedOn ? ` (${t('loan.reversed')} ${r.reversedOn}: ${r.reversalReason ?? ''})` : ''}</td>
                        <td>{r.allocations.map((a) => `#${a.period ?? '-'} ${a.component} ${money(a.amount)}`).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          </>
        )}
      </Loaded>
      <Section title={t('loan.collections')} testId="repayment-orders">
        <Loaded load={orders}>
          {(list) => list.length === 0 ? <p className="empty">{t('common.none')}</p> : (
            <table className="grid">
              <thead><tr><th>{t('loan.createdAt')}</th><th>{t('loan.mode')}</th><th className="num">{t('loan.amount')}</th>
                <th>{t('loan.card')}</th><th>{t('loan.status')}</th></tr></thead>
              <tbody>
                {list.map((o) => (
                  <tr key={o.id}><td>{instant(o.createdAt, language)}</td><td>{o.mode}</td><td className="num">{money(o.amount)}</td>
                    <td>{o.card}</td><td>{o.status}{o.failureReason ? `: ${o.failureReason}` : ''}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      <Section title={t('loan.journal')} testId="journal">
        <Loaded load={history}>
          {(h) => (
            <table className="grid">
              <thead><tr><th>{t('loan.businessDate')}</th><th>{t('loan.event')}</th><th>{t('loan.lines')}</th></tr></thead>
              <tbody>
                {h.journalEntries.map((e) => (
                  <tr key={e.id}><td>{e.businessDate}</td><td>{e.eventType}{e.memo ? ` · ${e.memo}` : ''}</td>
                    <td>{e.lines.map((l, i) => <div key={i} className="mono">{lineText(l)}</div>)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
    </div>
  );
}

/** Adds two-decimal amounts exactly, in fen, as integers. */
export function sum(...amounts: (string | null | undefined)[]): string {
  let fen = 0n;
  for (const amount of amounts) {
    if (!amount) continue;
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
    if (!match) throw new Error(`not an amount: ${amount}`);
    const value = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
    fen += match[1] ? -value : value;
  }
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function lineText(line: JournalLine): string {
  return `${line.side === 'DEBIT' ? 'Dr' : 'Cr'} ${line.account} ${money(line.amount)}${line.fundingPartner ? ` · ${line.fundingPartner}` : ''}`;
}
