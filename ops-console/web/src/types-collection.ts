/** What collection-service's ops API answers for cases, contacts and loan adjustments. Money is a decimal string. */

export interface CaseSummary {
  id: string;
  customerId: string;
  state: string;
  grade: string;
  bucket: string;
  daysPastDue: number;
  amountOverdue: string;
  riskScore: number;
  brokenPromises: number;
  queue: string | null;
  agentId: string | null;
  agency: string | null;
  lockedBy: string | null;
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  closeNote: string | null;
}

export interface CasePage {
  items: CaseSummary[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

/** One installment as core-ledger's statement gives it inside a case (only what the case page reads). */
export interface CaseStatementLine {
  period: number;
  dueDate: string;
  state: string;
  owed: string;
  penalty: string;
  interest: string;
}

export interface CaseStatement {
  status?: string;
  daysPastDue?: number;
  bucket?: string;
  payableNow?: string;
  outstandingPrincipal?: string;
  installments?: CaseStatementLine[];
}

export interface CaseLoan {
  loanId: string;
  state: string;
  bucket: string;
  daysPastDue: number;
  dpdAsOf: string | null;
  amountOverdue: string;
  joinedOn: string;
  statement: CaseStatement | null;
}

export interface CaseAction {
  id: string;
  businessDate: string;
  kind: string;
  state: string;
  outcome: string | null;
  providerRef: string | null;
  detail: string | null;
  notBefore: string | null;
  createdAt: string;
  executedAt: string | null;
}

export interface CaseContact {
  id: string;
  agentId: string;
  channel: string;
  party: string;
  mobile: string;
  outcome: string;
  note: string | null;
  contactedAt: string;
}

export interface CasePromise {
  id: string;
  contactId: string | null;
  amount: string;
  date: string;
  repaid: string | null;
  state: string;
  madeOn: string;
  resolvedOn: string | null;
}

export interface CaseDetail {
  summary: CaseSummary;
  loans: CaseLoan[];
  statementsUnavailable: string | null;
  actions: CaseAction[];
  contacts: CaseContact[];
  promises: CasePromise[];
}

export interface LoggedContact {
  id: string;
  caseId: string;
  outcome: string;
  mobile: string;
  promise: { id: string; date: string; amount: string; state: string } | null;
}

export interface AdjustmentStep {
  state: string;
  actor: string;
  at: string;
  note: string | null;
}

export interface LoanAdjustment {
  id: string;
  loanId: string;
  customerId: string;
  kind: string;
  extraPeriods: number | null;
  penalty: string | null;
  interest: string | null;
  annualRate: string | null;
  reason: string;
  daysPastDue: number;
  state: string;
  maker: string;
  requestedAt: string;
  checker: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  scheduleVersion: number | null;
  amount: string | null;
  refusalCode: string | null;
  refusalReason: string | null;
  concludedAt: string | null;
  history: AdjustmentStep[];
}
