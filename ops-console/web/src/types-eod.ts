/** What core-ledger's ops API answers for the business date and end-of-day runs. */

export interface BusinessDate {
  businessDate: string;
}

/** Phase LOANS closes the loans batch by batch; SNAPSHOT takes the day's balances; DONE: the date has moved on. */
export interface EodRun {
  businessDate: string;
  phase: string;
  status: string;
  loansTotal: number;
  loansDone: number;
  batches: number;
  startedAt: string;
  finishedAt: string | null;
  attempts: number;
  failure: string | null;
}

export interface EodPage {
  items: EodRun[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}
