/**
 * The collection, reconciliation and end-of-day pages' own logic, kept apart from the pages so it is
 * tested without a browser: how far a long run is, which age bucket a break falls in and what it asks
 * the API for, and the request bodies the forms send (only the fields the API expects, so every field
 * a problem names is one the form shows).
 */
import type { EodRun } from './types-eod';
import type { ReconRun } from './types-reconciliation';

export interface Progress {
  /** 0 to 1. */
  fraction: number;
  /** Still moving: the page keeps polling and shows the bar as running. */
  running: boolean;
}

/**
 * End of day: the loans phase is most of the work and is counted loan by loan; the balance snapshot
 * after it is the last step. A failed run keeps where it stopped; a rerun resumes from there.
 */
export function eodProgress(run: EodRun | undefined): Progress {
  if (!run) return { fraction: 0, running: false };
  if (run.status === 'FINISHED' || run.phase === 'DONE') return { fraction: 1, running: false };
  const running = run.status === 'RUNNING';
  if (run.phase === 'SNAPSHOT') return { fraction: 0.95, running };
  const loans = run.loansTotal > 0 ? Math.min(run.loansDone / run.loansTotal, 1) : 0;
  return { fraction: loans * 0.9, running };
}

/** The run states that still move on their own (a WAITING or REJECTED run is tried again by the schedule, later). */
export const MOVING_RUN_STATES = ['QUEUED', 'RUNNING'] as const;
const SETTLED_RUN_STATES = ['FINISHED', 'FAILED', 'REJECTED', 'WAITING'];

/** Reconciliation of a date: the share of its runs (one per reconciliation and party) that have come to a stop. */
export function reconciliationProgress(runs: readonly ReconRun[]): Progress {
  if (runs.length === 0) return { fraction: 0, running: false };
  const settled = runs.filter((r) => SETTLED_RUN_STATES.includes(r.state)).length;
  const running = runs.some((r) => (MOVING_RUN_STATES as readonly string[]).includes(r.state));
  return { fraction: settled / runs.length, running };
}

export function percent(progress: Progress): number {
  return Math.round(progress.fraction * 100);
}

/** How old a break is, in the buckets finance reviews them by (days from its business date). */
export const AGE_BUCKETS = [
  { code: 'D0_1', min: 0, max: 1 },
  { code: 'D2_7', min: 2, max: 7 },
  { code: 'D8_30', min: 8, max: 30 },
  { code: 'D31', min: 31, max: undefined },
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['code'];

export function ageBucketOf(ageDays: number): AgeBucket {
  const found = AGE_BUCKETS.find((b) => ageDays >= b.min && (b.max === undefined || ageDays <= b.max));
  return (found ?? AGE_BUCKETS[0]).code;
}

/** The API's age filter for a bucket; an unknown bucket filters nothing rather than everything. */
export function ageFilter(code: string | undefined): { minAgeDays?: number; maxAgeDays?: number } {
  const bucket = AGE_BUCKETS.find((b) => b.code === code);
  return bucket ? { minAgeDays: bucket.min, maxAgeDays: bucket.max } : {};
}

/** reconciliation-service gives totalItems only. */
export function pagesOf(totalItems: number, size: number): number {
  return Math.max(1, Math.ceil(totalItems / size));
}

export interface ContactForm {
  outcome: string;
  note: string;
  promised: boolean;
  promiseDate: string;
  promiseAmount: string;
}

/**
 * The contact as collection-service takes it. The party is always the borrower (the API refuses any
 * other), on the mobile on record: no number is sent, so the agent never types or sees it whole; a promise goes only with it ticked, and its fields keep the API's names (promise.date,
 * promise.amount) so a refusal lands next to them. Empty values go as null for the API to name.
 */
export function contactRequest(form: ContactForm) {
  return {
    party: 'BORROWER',
    outcome: form.outcome || null,
    note: form.note.trim() || null,
    promise: form.promised
      ? { date: form.promiseDate || null, amount: form.promiseAmount.trim() || null }
      : null,
  };
}

export const CONTACT_FIELDS = ['party', 'mobile', 'outcome', 'note', 'promise.date', 'promise.amount'] as const;

export interface AdjustmentForm {
  loanId: string;
  kind: 'EXTENSION' | 'WAIVER';
  extraPeriods: string;
  penalty: string;
  interest: string;
  reason: string;
}

/**
 * An extension or waiver request: only the terms of the chosen kind are sent, because the API refuses
 * a term the kind does not use rather than ignore it.
 */
export interface AdjustmentRequest {
  loanId: string | null;
  kind: AdjustmentForm['kind'];
  reason: string;
  extraPeriods?: number | string | null;
  penalty?: string | null;
  interest?: string | null;
}

export function adjustmentRequest(form: AdjustmentForm): AdjustmentRequest {
  const base = { loanId: form.loanId || null, kind: form.kind, reason: form.reason.trim() };
  if (form.kind === 'EXTENSION') {
    const periods = form.extraPeriods.trim();
    return { ...base, extraPeriods: periods === '' ? null : /^\d+$/.test(periods) ? Number(periods) : periods };
  }
  return { ...base, penalty: form.penalty.trim() || null, interest: form.interest.trim() || null };
}

export const ADJUSTMENT_FIELDS = ['loanId', 'kind', 'extraPeriods', 'penalty', 'interest', 'reason'] as const;
