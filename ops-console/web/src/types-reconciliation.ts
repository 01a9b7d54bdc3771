/** What reconciliation-service's ops API answers for runs and breaks. Money is a decimal string. */

export interface RunSide {
  read: number;
  total: string;
}

export interface ReconRun {
  id: string;
  businessDate: string;
  reconciliation: string;
  party: string;
  state: string;
  detail: string | null;
  attempts: number;
  requestedBy: string | null;
  requestedAt: string | null;
  requestReason: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  nextAttemptAt: string | null;
  ours: RunSide | null;
  theirs: RunSide | null;
  matched: number;
  broken: number;
  pending: number;
}

/** reconciliation-service pages without totalPages: the console works it out from totalItems. */
export interface ReconPage<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}

export interface BreakSide {
  amount: string | null;
  status: string | null;
  at: string | null;
  record: string | null;
}

export interface Break {
  id: string;
  businessDate: string;
  reconciliation: string;
  party: string;
  leg: string | null;
  reference: string;
  breakClass: string;
  state: string;
  resolution: string | null;
  reason: string | null;
  kind: string | null;
  ours: BreakSide | null;
  theirs: BreakSide | null;
  difference: string | null;
  loanId: string | null;
  dangerous: boolean;
  ageDays: number;
  openedAt: string;
  updatedAt: string | null;
  updatedBy: string | null;
  resolvedAt: string | null;
  settledOn: string | null;
  journalEntryId: string | null;
}
