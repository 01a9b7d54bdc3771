/**
 * The arithmetic behind the dashboard and the configuration forms, kept out of the components so it
 * is tested on its own. Money arrives as decimal strings; shares of money are computed on whole fen
 * (BigInt), never through floats; only pixel geometry uses numbers.
 */
import type { Campaign, GradeRow, Partner, PortfolioBucket, Rule } from './types-admin';

/** A decimal amount string ("1234.5", "-3.00") as whole fen; anything else is 0n. */
export function fen(amount: string | null | undefined): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec((amount ?? '').trim());
  if (!match) return 0n;
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return sign ? -value : value;
}

/**
 * part / whole as a percentage with one decimal ("12.5%"), rounded half up, or null when whole is
 * zero (no base: a rate of nothing is not 0%).
 */
export function percent(part: bigint | number, whole: bigint | number): string | null {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w === 0n) return null;
  // tenths of a percent, rounded half up: (p * 1000 * 2 + w) / (2w)
  const tenths = (p * 2000n + w) / (2n * w);
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** A rate given as a fraction string with up to 4 decimals ("0.3333") as a percentage with one decimal. */
export function fractionAsPercent(rate: string | null | undefined): string | null {
  if (rate === null || rate === undefined) return null;
  const match = /^(\d+)(?:\.(\d*))?$/.exec(rate);
  if (!match) return null;
  const tenThousandths = BigInt(match[1]) * 10000n + BigInt((match[2] ?? '').padEnd(4, '0').slice(0, 4) || '0');
  return percent(tenThousandths, 10000n);
}

export interface OverdueRate {
  bucket: string;
  loans: number;
  outstandingPrincipal: string;
  /** This bucket's share of all active outstanding principal. */
  share: string | null;
}

/**
 * Overdue rate by bucket: each overdue bucket's (M1…M3+) outstanding principal as a share of the
 * whole active book's outstanding principal (M0 included in the base), and the total overdue rate.
 */
export function overdueRates(buckets: PortfolioBucket[]): { byBucket: OverdueRate[]; total: string | null; base: bigint } {
  const base = buckets.reduce((sum, b) => sum + fen(b.outstandingPrincipal), 0n);
  const overdue = buckets.filter((b) => b.bucket !== 'M0');
  const overdueSum = overdue.reduce((sum, b) => sum + fen(b.outstandingPrincipal), 0n);
  return {
    byBucket: overdue.map((b) => ({ ...b, share: percent(fen(b.outstandingPrincipal), base) })),
    total: percent(overdueSum, base),
    base,
  };
}

/** Approval rate: approved over concluded (approved + rejected); applications that failed or still run are not decided. */
export function approvalRate(approved: number, rejected: number): string | null {
  return percent(approved, approved + rejected);
}

export interface Scale {
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A "nice" axis from 0 to at least max, in about `count` steps of 1, 2 or 5 × 10^n, so the
 * gridlines read as round figures. An empty series (max 0) still gets an axis.
 */
export function niceScale(max: number, count = 4): Scale {
  if (!(max > 0) || !Number.isFinite(max)) {
    return { max: 1, step: 1, ticks: [0, 1] };
  }
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  const step = nice * magnitude;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i <= Math.round(top / step); i++) {
    ticks.push(Number((i * step).toPrecision(12)));
  }
  return { max: top, step, ticks };
}

/** Where a value sits on an axis of `height` pixels (0 at the bottom, SVG y grows down). */
export function yOf(value: number, scale: Scale, height: number): number {
  const clamped = Math.max(0, Math.min(value, scale.max));
  return height - (clamped / scale.max) * height;
}

/** A bar's width in percent of its track, 0–100, for a used share of a plan ("85.50" percent). */
export function barPercent(percentText: string | null | undefined): number {
  const value = Number(percentText ?? '0');
  if (!Number.isFinite(value) || value < 0) return 0;
  return Math.min(100, value);
}

/** Yuan as a number, for geometry only (never for a figure shown to a person). */
export function yuan(amount: string): number {
  return Number(fen(amount)) / 100;
}

/** Short axis labels for amounts: 1,200 → "1.2k", 3,400,000 → "3.4M" (labels only; figures show money()). */
export function compact(value: number): string {
  if (value >= 1e6) return `${trim(value / 1e6)}M`;
  if (value >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toFixed(1)));
}

// ---- forms: what the page edits, as strings, and the request body the API takes ----

export interface RuleForm {
  enabled: boolean;
  action: string;
  weight: string;
  params: Record<string, string>;
  reason: string;
}

export function ruleForm(rule: Rule): RuleForm {
  return {
    enabled: rule.enabled,
    action: rule.action,
    weight: String(rule.weight),
    params: Object.fromEntries(rule.parameterSpecs.map((p) => [p.name, rule.params[p.name] === undefined ? '' : String(rule.params[p.name])])),
    reason: '',
  };
}

/** A whole number typed in a field, or null so the API names the field it cannot read (never a silent 0). */
export function integerOrNull(text: string): number | null {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text.trim()) : null;
}

export function ruleRequest(form: RuleForm, version: number) {
  return {
    enabled: form.enabled,
    action: form.action,
    weight: integerOrNull(form.weight),
    params: Object.fromEntries(Object.entries(form.params).map(([name, value]) => [name, integerOrNull(value)])),
    version,
    reason: form.reason,
  };
}

export interface GradeForm {
  rows: GradeRow[];
  reason: string;
}

export function gradeForm(rows: GradeRow[]): GradeForm {
  return { rows: rows.map((r) => ({ ...r })), reason: '' };
}

/** The grade table as the API takes it; amounts and rates stay strings, which it reads exactly. */
export function gradeRequest(form: GradeForm, basedOnVersion: number) {
  return {
    basedOnVersion,
    grades: form.rows.map((r) => ({
      grade: r.grade, minLimit: r.minLimit.trim(), maxLimit: r.maxLimit.trim(), annualRate: r.annualRate.trim(),
    })),
    reason: form.reason,
  };
}

export interface PartnerForm {
  name: string;
  active: boolean;
  priority: string;
  fundingRate: string;
  grades: string;
  minAmount: string;
  maxAmount: string;
  termMonths: string;
  dailyPlan: string;
  reason: string;
}

export function partnerForm(p: Partner): PartnerForm {
  return {
    name: p.name, active: p.active, priority: String(p.priority), fundingRate: p.fundingRate,
    grades: p.eligibility.grades.join(','), minAmount: p.eligibility.minAmount, maxAmount: p.eligibility.maxAmount,
    termMonths: p.eligibility.termMonths.join(','), dailyPlan: p.dailyPlan, reason: '',
  };
}

function list(text: string): string[] {
  return text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
}

export function partnerRequest(form: PartnerForm, version: number) {
  return {
    name: form.name,
    active: form.active,
    priority: integerOrNull(form.priority),
    fundingRate: form.fundingRate.trim(),
    grades: list(form.grades).map((g) => g.toUpperCase()),
    minAmount: form.minAmount.trim(),
    maxAmount: form.maxAmount.trim(),
    termMonths: list(form.termMonths).map(integerOrNull),
    dailyPlan: form.dailyPlan.trim(),
    version,
    reason: form.reason,
  };
}

/** What to search customers by: an 11-digit mobile if that is what was typed, otherwise a name. */
export function customerSearchBody(text: string, page = 0): { mobile?: string; name?: string; page: number; size: number } {
  const value = text.trim();
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\+?\d+$/.test(digits)) return { name: value, page, size: 20 };
  const national = digits.replace(/^\+/, '');
  return { mobile: national.length === 13 && national.startsWith('86') ? national.slice(2) : national, page, size: 20 };
}

/** A calendar date ("2026-11-29") moved by n days, on the date alone (no time zone can shift it). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + n));
  return moved.toISOString().slice(0, 10);
}

export interface CampaignForm {
  name: string;
  discountedRate: string;
  interestFreeDays: string;
  minimumAmount: string;
  allowedTerms: string;
  validFrom: string;
  validUntil: string;
  validDays: string;
  ruleGrades: string;
  reason: string;
}

export function campaignForm(c: Campaign): CampaignForm {
  return {
    name: c.name, discountedRate: c.discountedRate ?? '', interestFreeDays: c.interestFreeDays?.toString() ?? '',
    minimumAmount: c.minimumAmount ?? '', allowedTerms: (c.allowedTerms ?? []).join(','), validFrom: c.validFrom ?? '',
    validUntil: c.validUntil ?? '', validDays: c.validDays?.toString() ?? '', ruleGrades: (c.ruleGrades ?? []).join(','), reason: '',
  };
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The campaign's whole new terms, its kind unchanged; an empty box is "not set" (null), never "0". */
export function campaignRequest(form: CampaignForm, kind: string) {
  return {
    name: form.name,
    kind,
    discountedRate: blankToNull(form.discountedRate),
    interestFreeDays: form.interestFreeDays.trim() === '' ? null : integerOrNull(form.interestFreeDays),
    minimumAmount: blankToNull(form.minimumAmount),
    allowedTerms: list(form.allowedTerms).map(integerOrNull),
    validFrom: blankToNull(form.validFrom),
    validUntil: blankToNull(form.validUntil),
    validDays: form.validDays.trim() === '' ? null : integerOrNull(form.validDays),
    ruleGrades: list(form.ruleGrades).map((g) => g.toUpperCase()),
    reason: form.reason,
  };
}
