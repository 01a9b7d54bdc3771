import { describe, expect, it } from 'vitest';
import {
  ADJUSTMENT_FIELDS, adjustmentRequest, ageBucketOf, ageFilter, CONTACT_FIELDS, contactRequest, eodProgress, pagesOf,
  percent, reconciliationProgress,
} from './operations';
import { messagesByField } from './problem';
import { parseRoute } from './router';
import { beijingToday } from './pages/Reconciliation';
import type { EodRun } from './types-eod';
import type { ReconRun } from './types-reconciliation';

const run = (over: Partial<EodRun>): EodRun => ({
  businessDate: '2026-11-29', phase: 'LOANS', status: 'RUNNING', loansTotal: 0, loansDone: 0, batches: 0,
  startedAt: '2026-11-29T14:00:00Z', finishedAt: null, attempts: 0, failure: null, ...over,
});

const recon = (state: string): ReconRun => ({
  id: state, businessDate: '2026-11-29', reconciliation: 'CHANNEL', party: 'UNIONPAY', state, detail: null, attempts: 0,
  requestedBy: 'finance', requestedAt: null, requestReason: null, startedAt: null, finishedAt: null, nextAttemptAt: null,
  ours: null, theirs: null, matched: 0, broken: 0, pending: 0,
});

describe('end-of-day progress', () => {
  it('counts the loans closed, leaves the last tenth to the balance snapshot and is whole once the date moved on', () => {
    expect(eodProgress(run({ loansTotal: 200, loansDone: 100 }))).toEqual({ fraction: 0.45, running: true });
    expect(percent(eodProgress(run({ phase: 'SNAPSHOT', loansTotal: 200, loansDone: 200 })))).toBe(95);
    expect(eodProgress(run({ phase: 'DONE', status: 'FINISHED', loansTotal: 200, loansDone: 200 })))
      .toEqual({ fraction: 1, running: false });
  });

  it('shows an empty day as started, not done, and a failed run where it stopped, not moving', () => {
    expect(eodProgress(run({ loansTotal: 0 }))).toEqual({ fraction: 0, running: true });
    const failed = eodProgress(run({ status: 'FAILED', loansTotal: 10, loansDone: 4 }));
    expect(failed.running).toBe(false);
    expect(percent(failed)).toBe(36);
    expect(eodProgress(undefined)).toEqual({ fraction: 0, running: false });
  });

  it('never passes the end when the total was counted before loans opened during the run', () => {
    expect(eodProgress(run({ loansTotal: 3, loansDone: 5 })).fraction).toBe(0.9);
  });
});

describe('reconciliation progress', () => {
  it('is the share of the date\'s runs that stopped, moving while any is queued or running', () => {
    const p = reconciliationProgress([recon('FINISHED'), recon('RUNNING'), recon('QUEUED'), recon('FINISHED')]);
    expect(p).toEqual({ fraction: 0.5, running: true });
  });

  it('stops polling when what is left waits for the schedule (a late or rejected file)', () => {
    expect(reconciliationProgress([recon('FINISHED'), recon('WAITING'), recon('REJECTED')]))
      .toEqual({ fraction: 1, running: false });
    expect(reconciliationProgress([])).toEqual({ fraction: 0, running: false });
  });

  it('pages from the total the API gives', () => {
    expect(pagesOf(0, 20)).toBe(1);
    expect(pagesOf(20, 20)).toBe(1);
    expect(pagesOf(21, 20)).toBe(2);
  });
});

describe('break age buckets', () => {
  it('put each age in exactly one bucket, the edges included', () => {
    expect([0, 1, 2, 7, 8, 30, 31, 400].map(ageBucketOf)).toEqual(['D0_1', 'D0_1', 'D2_7', 'D2_7', 'D8_30', 'D8_30', 'D31', 'D31']);
  });

  it('ask the API for the bucket\'s days, open-ended for the oldest, nothing for an unknown bucket', () => {
    expect(ageFilter('D2_7')).toEqual({ minAgeDays: 2, maxAgeDays: 7 });
    expect(ageFilter('D31')).toEqual({ minAgeDays: 31, maxAgeDays: undefined });
    expect(ageFilter('D99')).toEqual({});
    expect(ageFilter(undefined)).toEqual({});
  });
});

describe('the contact form', () => {
  const form = { outcome: 'PROMISED_TO_PAY', note: '  will pay on Friday ', promised: true,
    promiseDate: '2026-12-04', promiseAmount: '35.20' };

  it('sends the borrower as the party, no number (the mobile on record is called) and the promise under its own name', () => {
    expect(contactRequest(form)).toEqual({ party: 'BORROWER', outcome: 'PROMISED_TO_PAY',
      note: 'will pay on Friday', promise: { date: '2026-12-04', amount: '35.20' } });
  });

  it('sends no promise unless ticked, and empty promise fields as null for the API to name', () => {
    expect(contactRequest({ ...form, promised: false }).promise).toBeNull();
    expect(contactRequest({ ...form, promiseDate: '', promiseAmount: ' ' }).promise).toEqual({ date: null, amount: null });
  });

  it('gets the API\'s refusal of a promise field next to that field, not above the form', () => {
    const byField = messagesByField({ status: 400, errors: [
      { field: 'promise.date', rule: 'not-past', message: 'must not be before the business date 2027-01-03' },
      { field: 'promise.amount', rule: 'Positive', message: 'must be more than 0' },
      { field: 'mobile', rule: 'borrower-own-mobile', message: 'third-party contacts are refused' },
    ] }, CONTACT_FIELDS);
    expect(Object.keys(byField).sort()).toEqual(['mobile', 'promise.amount', 'promise.date']);
  });
});

describe('the extension and waiver form', () => {
  const form = { loanId: 'l-1', kind: 'WAIVER' as const, extraPeriods: '3', penalty: '', interest: '0.10', reason: ' hardship ' };

  it('sends only the terms of the kind chosen, because the API refuses a term the kind does not use', () => {
    expect(adjustmentRequest(form)).toEqual({ loanId: 'l-1', kind: 'WAIVER', reason: 'hardship', penalty: null, interest: '0.10' });
    expect(adjustmentRequest({ ...form, kind: 'EXTENSION' })).toEqual({ loanId: 'l-1', kind: 'EXTENSION', reason: 'hardship', extraPeriods: 3 });
  });

  it('leaves a number it cannot read for the API to refuse by name', () => {
    expect(adjustmentRequest({ ...form, kind: 'EXTENSION', extraPeriods: 'two' }).extraPeriods).toBe('two');
    expect(adjustmentRequest({ ...form, kind: 'EXTENSION', extraPeriods: '' }).extraPeriods).toBeNull();
    const byField = messagesByField({ status: 400, errors: [{ field: 'extraPeriods', rule: 'Range', message: 'must be between 1 and 12' }] },
      ADJUSTMENT_FIELDS);
    expect(byField.extraPeriods).toEqual(['must be between 1 and 12']);
  });
});

describe('the new pages\' addresses', () => {
  it('route the worklist, a case, approvals, reconciliation, breaks and end of day', () => {
    expect(parseRoute('#/collection?bucket=M1')).toEqual({ page: 'collection', query: { bucket: 'M1' } });
    expect(parseRoute('#/collection/0b9f3c6e-1d2a-4c3b-9e8f-7a6b5c4d3e2f'))
      .toEqual({ page: 'case', id: '0b9f3c6e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' });
    expect(parseRoute('#/collection/nope')).toEqual({ page: 'not-found', path: '/collection/nope' });
    expect(parseRoute('#/adjustments')).toEqual({ page: 'adjustments', query: {} });
    expect(parseRoute('#/breaks?age=D2_7')).toEqual({ page: 'breaks', query: { age: 'D2_7' } });
    expect(parseRoute('#/eod/x')).toEqual({ page: 'not-found', path: '/eod/x' });
  });

  it('start a reconciliation on today in Beijing, whatever the browser\'s zone', () => {
    expect(beijingToday(new Date('2026-11-29T17:30:00Z'))).toBe('2026-11-30');
    expect(beijingToday(new Date('2026-11-29T15:59:00Z'))).toBe('2026-11-29');
    expect(beijingToday(new Date('2026-12-31T17:25:00Z'))).toBe('2027-01-01');
  });
});
