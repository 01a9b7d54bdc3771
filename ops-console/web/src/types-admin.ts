/** The shapes of the ops APIs the dashboard, the configuration tables and customer search read. Money and rates are decimal strings. */

export interface PortfolioDay {
  date: string;
  loansOpened: number;
  disbursed: string;
  repayments: number;
  repaid: string;
}

export interface PortfolioBucket {
  bucket: string;
  loans: number;
  outstandingPrincipal: string;
}

/** core-ledger's GET /ops/v1/loans/portfolio. */
export interface Portfolio {
  businessDate: string;
  from: string;
  to: string;
  days: PortfolioDay[];
  buckets: PortfolioBucket[];
}

export interface RollRate {
  from: string;
  to: string;
  base: number;
  rolled: number;
  rate: string | null;
}

/** collection's GET /ops/v1/collection/metrics?date= */
export interface CollectionMetrics {
  date: string;
  casesOpened: number;
  casesClosed: number;
  closedByReason: Record<string, number>;
  amountRecovered: string;
  rollRates: RollRate[];
}

export interface Position {
  partnerId: string;
  partnerName: string | null;
  businessDate: string;
  plan: string;
  ownPlan: boolean;
  topUps: string;
  totalPlan: string;
  reserved: string;
  used: string;
  remaining: string;
  percentUsed: string | null;
  warnedAt: string | null;
}

export interface Positions {
  businessDate: string;
  warningPercent: number;
  positions: Position[];
}

export interface ParameterSpec {
  name: string;
  min: number;
  max: number;
  meaning: string;
}

export interface Rule {
  code: string;
  description: string;
  stages: string[];
  enabled: boolean;
  params: Record<string, number>;
  weight: number;
  action: 'NONE' | 'REVIEW' | 'REJECT';
  version: number;
  parameterSpecs: ParameterSpec[];
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface GradeRow {
  grade: string;
  minLimit: string;
  maxLimit: string;
  annualRate: string;
}

export interface GradeTable {
  version: number;
  createdAt: string;
  createdBy: string | null;
  reason: string | null;
  grades: GradeRow[];
}

export interface Campaign {
  id: string;
  name: string;
  kind: string;
  discountedRate: string | null;
  interestFreeDays: number | null;
  minimumAmount: string | null;
  allowedTerms: number[] | null;
  validFrom: string | null;
  validUntil: string | null;
  validDays: number | null;
  ruleGrades: string[] | null;
  status: string;
  createdAt: string;
  createdBy: string | null;
  changedAt: string | null;
  changedBy: string | null;
}

export interface Partner {
  partnerId: string;
  name: string;
  active: boolean;
  priority: number;
  fundingRate: string;
  eligibility: { grades: string[]; minAmount: string; maxAmount: string; termMonths: number[] };
  dailyPlan: string;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface AuditRecord {
  id: number;
  occurredAt: string;
  actor: string;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  service: string;
}

export interface AuditPage {
  records: AuditRecord[];
  page: number;
  size: number;
}

export interface BreakPage {
  items: unknown[];
  page: number;
  size: number;
  totalItems: number;
}

export interface CountOnly {
  totalItems: number;
}

export interface ReviewCount {
  status: string;
  count: number;
}

export interface CustomerIdentity {
  id: string;
  name: string;
  mobile: string;
  idNumber: string;
}
