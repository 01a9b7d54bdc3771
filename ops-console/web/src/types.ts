/** The shapes the ops APIs answer with, as far as the console reads them. Money and rates are decimal strings. */

export interface Paged<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface ApplicationSummary {
  id: string;
  customerId: string;
  applicantName: string;
  applicantMobile: string;
  applicantIdNumber: string;
  state: string;
  step: string | null;
  attempts: number;
  reasonCode: string | null;
  submittedAt: string;
  updatedAt: string;
  concludedAt: string | null;
}

export interface TimelineLine {
  at: string;
  kind: string;
  state: string | null;
  step: string | null;
  messageType: string | null;
  messageId: string | null;
  attempt: number | null;
  note: string | null;
  details: Record<string, unknown> | null;
}

export interface ApplicationDetail {
  application: ApplicationSummary;
  stepStartedAt: string | null;
  stepDeadline: string | null;
  reason: string | null;
  authorisation: { documentId: string; sha256: string; signedAt: string } | null;
  fraud: { assessmentId: string; result: string; score: number | null } | null;
  decision: { decisionId: string; riskGrade: string | null; creditLimit: string | null; annualRate: string | null; expiresOn: string | null } | null;
  timeline: TimelineLine[];
}

export interface FiredRule {
  code: string;
  score: number;
  action: string;
  reason: string;
}

export interface Review {
  id: string;
  applicationId: string;
  assessmentId: string;
  customerId: string;
  status: string;
  score: number;
  firedRules: FiredRule[];
  queuedAt: string;
  concludedBy: string | null;
  concludedAt: string | null;
  comment: string | null;
}

export interface DecisionView {
  decisionId: string;
  outcome: string;
  score: number | null;
  grade: string | null;
  creditLimit: string | null;
  annualRate: string | null;
  reasonCode: string | null;
  reasons: string[];
  scorecardVersion: number;
  gradeTableVersion: number;
  decidedAt: string;
}

export interface Customer {
  id: string;
  name: string;
  mobile: string;
  idNumber: string;
  registeredAt: string;
}

export interface CreditLine {
  customerId: string;
  status: string;
  currency: string;
  creditLimit: string;
  available: string;
  occupied: string;
  reserved: string;
  annualRate?: string | null;
  grade?: string | null;
  expiresOn?: string | null;
}

export interface CreditLineHistory {
  line: CreditLine;
  freeze: { code: string; reason: string } | null;
}

export interface DrawdownSummary {
  id: string;
  customerId: string;
  state: string;
  step: string | null;
  reasonCode: string | null;
  amount: string;
  termMonths: number;
  method: string;
  loanId: string | null;
  submittedAt: string;
}

export interface InstallmentLine {
  period: number;
  dueDate: string;
  state: string;
  principal: string;
  interest: string;
  penalty: string;
  principalPaid: string;
  interestPaid: string;
  penaltyPaid: string;
  interestWaived: string;
  penaltyWaived: string;
  owed: string;
}

export interface LedgerRepayment {
  id: string;
  kind: string;
  amount: string;
  businessDate: string;
  receivedAt: string;
  channel: string | null;
  status: string;
  refusal: string | null;
  reversedOn: string | null;
  reversalReason: string | null;
  allocations: { period: number | null; component: string; overdue: boolean; amount: string }[];
}

export interface Statement {
  loanId: string;
  customerId: string;
  drawdownId: string | null;
  asOf: string;
  status: string;
  principal: string;
  outstandingPrincipal: string;
  scheduleVersion: number;
  daysPastDue: number;
  bucket: string;
  payableNow: string;
  principalPaid: string;
  interestPaid: string;
  penaltyPaid: string;
  installments: InstallmentLine[];
  repayments: LedgerRepayment[];
}

export interface RepaymentOrder {
  id: string;
  requestNo: string;
  mode: string;
  amount: string;
  card: string;
  channel: string;
  businessDate: string;
  status: string;
  failureReason: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface JournalEntry {
  id: string;
  businessDate: string;
  eventType: string;
  memo: string | null;
  lines: JournalLine[];
}

export interface JournalLine {
  account: string;
  side: 'DEBIT' | 'CREDIT';
  amount: string;
  fundingPartner: string | null;
}

export interface LoanHistory {
  journalEntries: JournalEntry[];
}
