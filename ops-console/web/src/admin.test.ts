import { describe, expect, it } from 'vitest';
import {
  approvalRate, barPercent, compact, customerSearchBody, fen, fractionAsPercent, gradeForm, gradeRequest, integerOrNull,
  niceScale, overdueRates, partnerForm, partnerRequest, percent, ruleForm, ruleRequest, yOf,
} from './admin';
import type { Partner, Rule } from './types-admin';

describe('money as whole fen', () => {
  it('reads decimal strings exactly, including ones a float would not', () => {
    expect(fen('0.10')).toBe(10n);
    expect(fen('1234.5')).toBe(123450n);
    expect(fen('90071992547409.93')).toBe(9007199254740993n);
    expect(fen('-3.07')).toBe(-307n);
    expect(fen('abc')).toBe(0n);
    expect(fen(null)).toBe(0n);
  });
});

describe('rates', () => {
  it('is a percentage with one decimal, rounded half up', () => {
    expect(percent(1, 3)).toBe('33.3%');
    expect(percent(2, 3)).toBe('66.7%');
    expect(percent(1, 8)).toBe('12.5%');
    expect(percent(1, 16)).toBe('6.3%');
    expect(percent(3, 3)).toBe('100.0%');
    expect(percent(0, 5)).toBe('0.0%');
  });

  it('has no rate without a base', () => {
    expect(percent(0, 0)).toBeNull();
    expect(approvalRate(0, 0)).toBeNull();
  });

  it('counts approval over what was decided, not what failed or still runs', () => {
    expect(approvalRate(3, 1)).toBe('75.0%');
    expect(approvalRate(7, 0)).toBe('100.0%');
  });

  it('reads a roll rate fraction of four decimals as a percentage', () => {
    expect(fractionAsPercent('0.3333')).toBe('33.3%');
    expect(fractionAsPercent('1.0000')).toBe('100.0%');
    expect(fractionAsPercent('0.0005')).toBe('0.1%');
    expect(fractionAsPercent(null)).toBeNull();
  });

  it('puts each overdue bucket against the whole active book', () => {
    const rates = overdueRates([
      { bucket: 'M0', loans: 90, outstandingPrincipal: '9000.00' },
      { bucket: 'M1', loans: 5, outstandingPrincipal: '600.00' },
      { bucket: 'M2', loans: 3, outstandingPrincipal: '300.00' },
      { bucket: 'M3', loans: 1, outstandingPrincipal: '100.00' },
      { bucket: 'M3+', loans: 0, outstandingPrincipal: '0.00' },
    ]);
    expect(rates.byBucket.map((b) => [b.bucket, b.share])).toEqual([
      ['M1', '6.0%'], ['M2', '3.0%'], ['M3', '1.0%'], ['M3+', '0.0%'],
    ]);
    expect(rates.total).toBe('10.0%');
    expect(rates.base).toBe(1000000n);
  });

  it('has no overdue rate for an empty book', () => {
    expect(overdueRates([{ bucket: 'M0', loans: 0, outstandingPrincipal: '0.00' }]).total).toBeNull();
  });
});

describe('chart scaling', () => {
  it('rounds the axis up to steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(1234)).toEqual({ max: 1500, step: 500, ticks: [0, 500, 1000, 1500] });
    expect(niceScale(100)).toEqual({ max: 100, step: 50, ticks: [0, 50, 100] });
    expect(niceScale(7, 4).max).toBeGreaterThanOrEqual(7);
    expect(niceScale(0.3).ticks.at(-1)).toBeGreaterThanOrEqual(0.3);
  });

  it('still draws an axis with no data', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN).max).toBe(1);
  });

  it('places values from the bottom and keeps them inside the plot', () => {
    const scale = niceScale(100);
    expect(yOf(0, scale, 200)).toBe(200);
    expect(yOf(100, scale, 200)).toBe(0);
    expect(yOf(50, scale, 200)).toBe(100);
    expect(yOf(500, scale, 200)).toBe(0);
    expect(yOf(-5, scale, 200)).toBe(200);
  });

  it('caps a used share at the track and ignores nonsense', () => {
    expect(barPercent('85.50')).toBe(85.5);
    expect(barPercent('120.00')).toBe(100);
    expect(barPercent(null)).toBe(0);
    expect(barPercent('x')).toBe(0);
  });

  it('labels axes compactly', () => {
    expect(compact(950)).toBe('950');
    expect(compact(1200)).toBe('1.2k');
    expect(compact(3_400_000)).toBe('3.4M');
  });
});

const rule: Rule = {
  code: 'VELOCITY_DEVICE', description: 'applications from one device', stages: ['CREDIT_APPLICATION'], enabled: true,
  params: { maxPerDay: 3 }, weight: 40, action: 'REVIEW', version: 7,
  parameterSpecs: [{ name: 'maxPerDay', min: 1, max: 100, meaning: 'per day' }, { name: 'windowHours', min: 1, max: 72, meaning: 'h' }],
  updatedAt: null, updatedBy: null,
};

describe('form mapping', () => {
  it('edits a rule as text and sends whole numbers, or null for what is not one so the API names the field', () => {
    const form = ruleForm(rule);
    expect(form).toEqual({ enabled: true, action: 'REVIEW', weight: '40', params: { maxPerDay: '3', windowHours: '' }, reason: '' });
    const body = ruleRequest({ ...form, weight: ' 55 ', params: { maxPerDay: '2.5', windowHours: '24' }, reason: 'fewer reviews' }, rule.version);
    expect(body).toEqual({ enabled: true, action: 'REVIEW', weight: 55, params: { maxPerDay: null, windowHours: 24 }, version: 7, reason: 'fewer reviews' });
  });

  it('reads integers strictly', () => {
    expect(integerOrNull('12')).toBe(12);
    expect(integerOrNull('-3')).toBe(-3);
    expect(integerOrNull('')).toBeNull();
    expect(integerOrNull('1e3')).toBeNull();
  });

  it('sends the grade table as exact strings on the version read', () => {
    const form = gradeForm([{ grade: 'A', minLimit: '20000.00', maxLimit: '100000.00', annualRate: '0.073' }]);
    form.rows[0].annualRate = ' 0.08 ';
    form.reason = 'cost of funds up';
    expect(gradeRequest(form, 3)).toEqual({
      basedOnVersion: 3, grades: [{ grade: 'A', minLimit: '20000.00', maxLimit: '100000.00', annualRate: '0.08' }], reason: 'cost of funds up',
    });
  });

  it('edits a funding partner, lists typed with commas or spaces', () => {
    const partner: Partner = {
      partnerId: 'bank-of-ningbo', name: 'Bank of Ningbo', active: true, priority: 10, fundingRate: '0.045000',
      eligibility: { grades: ['A', 'B'], minAmount: '100.00', maxAmount: '50000.00', termMonths: [3, 6, 12] },
      dailyPlan: '1000000.00', version: 2, updatedAt: null, updatedBy: null,
    };
    const form = partnerForm(partner);
    expect(form.grades).toBe('A,B');
    expect(form.termMonths).toBe('3,6,12');
    const body = partnerRequest({ ...form, grades: 'a, b，c', termMonths: '3 6 x', dailyPlan: '2000000.00', reason: 'new quota' }, 2);
    expect(body.grades).toEqual(['A', 'B', 'C']);
    expect(body.termMonths).toEqual([3, 6, null]);
    expect(body.dailyPlan).toBe('2000000.00');
    expect(body.version).toBe(2);
  });

  it('searches customers by mobile when digits are typed, otherwise by name', () => {
    expect(customerSearchBody(' 138 1234 5678 ')).toEqual({ mobile: '13812345678', page: 0, size: 20 });
    expect(customerSearchBody('+86 13812345678')).toEqual({ mobile: '13812345678', page: 0, size: 20 });
    expect(customerSearchBody(' 张三 ', 2)).toEqual({ name: '张三', page: 2, size: 20 });
  });
});

describe('calendar dates', () => {
  it('moves a date across month and year ends without a time zone', async () => {
    const { addDays } = await import('./admin');
    expect(addDays('2026-11-29', -13)).toBe('2026-11-16');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('a coupon campaign form', () => {
  it('keeps the kind, sends empty boxes as not set and lists as lists', async () => {
    const { campaignForm, campaignRequest } = await import('./admin');
    const form = campaignForm({
      id: 'c1', name: 'Launch', kind: 'RATE_DISCOUNT', discountedRate: '0.09125', interestFreeDays: null, minimumAmount: '100.00',
      allowedTerms: [3, 6], validFrom: null, validUntil: null, validDays: 30, ruleGrades: ['A', 'B'], status: 'ACTIVE',
      createdAt: '2026-11-01T00:00:00Z', createdBy: 'admin', changedAt: null, changedBy: null,
    });
    expect(form.interestFreeDays).toBe('');
    expect(form.allowedTerms).toBe('3,6');
    expect(campaignRequest({ ...form, validDays: '45', ruleGrades: 'a b', reason: 'longer' }, 'RATE_DISCOUNT')).toEqual({
      name: 'Launch', kind: 'RATE_DISCOUNT', discountedRate: '0.09125', interestFreeDays: null, minimumAmount: '100.00',
      allowedTerms: [3, 6], validFrom: null, validUntil: null, validDays: 45, ruleGrades: ['A', 'B'], reason: 'longer',
    });
  });
});
