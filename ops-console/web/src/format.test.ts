import { describe, expect, it } from 'vitest';
import { money, rate } from './format';
import { sum, installmentMark } from './pages/Loan';
import { sagaProgress } from './pages/ApplicationDetail';
import { dayStart } from './pages/Applications';
import { parseRoute, href } from './router';

describe('figures on screen', () => {
  it('show money as given, grouped, never through a float', () => {
    expect(money('94000.00')).toBe('¥94,000.00');
    expect(money('1234567.5')).toBe('¥1,234,567.50');
    expect(money('-0.01')).toBe('-¥0.01');
    expect(money(null)).toBe('—');
  });

  it('show annual rates as percentages by moving the point', () => {
    expect(rate('0.073')).toBe('7.3%');
    expect(rate('0.09125')).toBe('9.125%');
    expect(rate('0.239000')).toBe('23.9%');
    expect(rate('0.1')).toBe('10%');
    expect(rate('1')).toBe('100%');
  });

  it('add amounts exactly in fen', () => {
    expect(sum('0.10', '0.20')).toBe('0.30');
    expect(sum('33.08', '0.76', '0.00')).toBe('33.84');
    expect(sum('1.5', null, '-2.00')).toBe('-0.50');
  });
});

describe('marks and progress', () => {
  const line = (state: string) => ({ period: 1, dueDate: '2026-12-29', state, principal: '33.13', interest: '0.61',
    penalty: '0.00', principalPaid: '0.00', interestPaid: '0.00', penaltyPaid: '0.00', interestWaived: '0.00',
    penaltyWaived: '0.00', owed: '33.74' });

  it('mark installments paid, overdue, due or not yet due as the ledger says', () => {
    expect(installmentMark(line('PAID'))).toBe('paid');
    expect(installmentMark(line('OVERDUE'))).toBe('overdue');
    expect(installmentMark(line('DUE'))).toBe('due');
    expect(installmentMark(line('NOT_DUE'))).toBe('not-due');
  });

  it('show a review as waiting after the fraud check, and any conclusion as the end', () => {
    expect(sagaProgress('SUBMITTED')).toBe(0);
    expect(sagaProgress('FRAUD_REVIEW')).toBeCloseTo(0.3);
    expect(sagaProgress('REJECTED')).toBe(1);
    expect(sagaProgress('APPROVED')).toBe(1);
  });
});

describe('addresses', () => {
  const id = '0208e5a7-1111-4222-8333-444455556666';

  it('parse every page of the console from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'applications', query: {} });
    expect(parseRoute('#/applications?state=FRAUD_REVIEW&page=2'))
      .toEqual({ page: 'applications', query: { state: 'FRAUD_REVIEW', page: '2' } });
    expect(parseRoute(`#/applications/${id}`)).toEqual({ page: 'application', id });
    expect(parseRoute(`#/customers/${id}`)).toEqual({ page: 'customer', id });
    expect(parseRoute(`#/loans/${id}`)).toEqual({ page: 'loan', id });
    expect(parseRoute('#/loans/not-an-id').page).toBe('not-found');
    expect(parseRoute('#/reviews')).toEqual({ page: 'reviews', query: {} });
  });

  it('build hashes without empty filters, and filter days in Beijing time', () => {
    expect(href('/applications', { state: '', customerId: id, page: 0 })).toBe(`#/applications?customerId=${id}&page=0`);
    expect(dayStart('2026-11-29')).toBe('2026-11-29T00:00:00+08:00');
    expect(dayStart('')).toBeUndefined();
  });
});
