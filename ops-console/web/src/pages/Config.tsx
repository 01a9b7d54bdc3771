import { useState, type FormEvent, type ReactNode } from 'react';
import {
  campaignForm, campaignRequest, gradeForm, gradeRequest, partnerForm, partnerRequest, ruleForm, ruleRequest,
  type CampaignForm, type GradeForm, type PartnerForm, type RuleForm,
} from '../admin';
import { asApiError, Badge, Field, FormProblem, Loaded, ProblemBox, Section, useApi, useFieldErrors, useLoad } from '../components';
import { instant, money, rate } from '../format';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../problem';
import { href } from '../router';
import type { AuditPage, Campaign, GradeTable, Partner, Positions, Rule } from '../types-admin';

const TABS = ['rules', 'grades', 'coupons', 'partners'] as const;
type Tab = (typeof TABS)[number];

/**
 * The configuration tables ops staff tune: anti-fraud rules, the grade table, coupon campaigns,
 * funding partners with today's positions. Each shows who changed what and why (the owning
 * service's audit trail). Everyone on ops may read the tables; whether an edit is allowed is the
 * API's to say, and a refusal shows on the form.
 */
export function Config({ query }: { query: Record<string, string> }) {
  const { t } = useI18n();
  const tab: Tab = (TABS as readonly string[]).includes(query.tab) ? (query.tab as Tab) : 'rules';
  return (
    <div data-testid="config">
      <h1>{t('config.title')}</h1>
      <nav className="tabs">
        {TABS.map((name) => (
          <a key={name} href={href('/config', { tab: name })} data-tab={name} className={name === tab ? 'current' : ''}>
            {t(`config.tab.${name}` as const)}
          </a>
        ))}
      </nav>
      {tab === 'rules' ? <Rules selected={query.item} /> : null}
      {tab === 'grades' ? <Grades /> : null}
      {tab === 'coupons' ? <Coupons selected={query.item} /> : null}
      {tab === 'partners' ? <Partners selected={query.item} /> : null}
    </div>
  );
}

/** Saving a form: busy while the call runs, the API's problem on failure, the answer on success. */
function useSave<T>() {
  const api = useApi();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<T>();
  const save = async (path: string, body: unknown, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      setSaved(await api.put<T>(path, body));
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, saved, save };
}

function SaveButtons({ busy, saved }: { busy: boolean; saved: boolean }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy} data-action="save">{busy ? t('common.working') : t('config.save')}</button>
      {saved ? <span className="saved" data-testid="saved">{t('config.saved')}</span> : null}
    </div>
  );
}

// ---------------------------------------------------------------- rules

function Rules({ selected }: { selected?: string }) {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const [load] = useLoad<Rule[]>(`rules:${round}`, (api) => api.get('/ops/v1/antifraud/rules'));
  return (
    <>
      <Section title={t('config.rules')} testId="rules">
        <Loaded load={load}>
          {(rules) => (
            <table className="grid">
              <thead><tr><th>{t('config.rule.code')}</th><th>{t('config.rule.enabled')}</th><th>{t('config.rule.action')}</th>
                <th className="num">{t('config.rule.weight')}</th><th>{t('config.rule.params')}</th><th>{t('config.rule.version')}</th>
                <th>{t('config.updated')}</th><th /></tr></thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.code} data-rule={r.code} className={r.code === selected ? 'selected' : ''}>
                    <td><strong>{r.code}</strong><div className="hint">{r.description}</div></td>
                    <td>{r.enabled ? t('config.yes') : t('config.no')}</td>
                    <td><Badge group="ruleAction" value={r.action} /></td>
                    <td className="num">{r.weight}</td>
                    <td className="mono">{Object.entries(r.params).map(([k, x]) => `${k}=${x}`).join(' ') || '—'}</td>
                    <td>{r.version}</td>
                    <td>{r.updatedBy ?? '—'}</td>
                    <td><a href={href('/config', { tab: 'rules', item: r.code })} data-action="edit-rule">{t('config.edit')}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      {selected && load.state === 'done' ? (() => {
        const rule = load.data.find((r) => r.code === selected);
        return rule ? (
          <div className="columns">
            <RuleEditor key={`${rule.code}:${rule.version}`} rule={rule} onSaved={() => setRound((n) => n + 1)} />
            <AuditTrail service="antifraud-service" subjectType="antifraud-rule" subjectId={rule.code} round={round} />
          </div>
        ) : <p className="empty">{t('app.notFound')}</p>;
      })() : null}
    </>
  );
}

function RuleEditor({ rule, onSaved }: { rule: Rule; onSaved: () => void }) {
  const { t, v } = useI18n();
  const [form, setForm] = useState<RuleForm>(() => ruleForm(rule));
  const { error, busy, saved, save } = useSave<Rule>();
  const fields = ['enabled', 'action', 'weight', 'reason', 'version', ...rule.parameterSpecs.map((p) => `params.${p.name}`)];
  const errors = useFieldErrors(error, fields);
  const submit = async (event: FormEvent) => {
    if (await save(`/ops/v1/antifraud/rules/${rule.code}`, ruleRequest(form, rule.version), event)) onSaved();
  };
  return (
    <Section title={t('config.editRule', { code: rule.code })} testId="rule-editor">
      <form onSubmit={submit} noValidate className="edit-form" data-rule={rule.code}>
        <Field name="enabled" label={t('config.rule.enabled')} errors={errors}>
          <select id="f-enabled" value={form.enabled ? 'true' : 'false'} onChange={(e) => setForm({ ...form, enabled: e.target.value === 'true' })}>
            <option value="true">{t('config.yes')}</option><option value="false">{t('config.no')}</option>
          </select>
        </Field>
        <Field name="action" label={t('config.rule.action')} errors={errors}>
          <select id="f-action" value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            {['NONE', 'REVIEW', 'REJECT'].map((a) => <option key={a} value={a}>{v('ruleAction', a)}</option>)}
          </select>
        </Field>
        <Field name="weight" label={t('config.rule.weight')} errors={errors}>
          <input id="f-weight" value={form.weight} onChange={(e) => setForm({ ...form, weight: e.target.value })} inputMode="numeric" />
        </Field>
        {rule.parameterSpecs.map((p) => (
          <Field key={p.name} name={`params.${p.name}`} label={`${p.name} (${p.min}–${p.max})`} errors={errors}>
            <input id={`f-params.${p.name}`} value={form.params[p.name] ?? ''} title={p.meaning} inputMode="numeric"
                   onChange={(e) => setForm({ ...form, params: { ...form.params, [p.name]: e.target.value } })} />
          </Field>
        ))}
        <Reason form={form} setForm={setForm} errors={errors} />
        <FormProblem error={error} errors={errors} />
        <SaveButtons busy={busy} saved={saved !== undefined} />
      </form>
    </Section>
  );
}

function Reason<F extends { reason: string }>({ form, setForm, errors }: { form: F; setForm: (f: F) => void; errors: Record<string, string[]> }) {
  const { t } = useI18n();
  return (
    <Field name="reason" label={t('config.reason')} errors={errors}>
      <textarea id="f-reason" rows={2} maxLength={500} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
    </Field>
  );
}

// ---------------------------------------------------------------- grade table

function Grades() {
  const [round, setRound] = useState(0);
  const [load] = useLoad<GradeTable>(`grades:${round}`, (api) => api.get('/ops/v1/credit-decision/grade-table'));
  return (
    <div className="columns">
      <Loaded load={load}>
        {(table) => <GradeEditor key={table.version} table={table} onSaved={() => setRound((n) => n + 1)} />}
      </Loaded>
      <AuditTrail service="credit-decision-service" subjectType="credit-decision-grade-table" round={round} />
    </div>
  );
}

function GradeEditor({ table, onSaved }: { table: GradeTable; onSaved: () => void }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<GradeForm>(() => gradeForm(table.grades));
  const { error, busy, saved, save } = useSave<GradeTable>();
  const fields = ['grades', 'reason', 'basedOnVersion',
    ...table.grades.flatMap((_, i) => ['grade', 'minLimit', 'maxLimit', 'annualRate'].map((c) => `grades[${i}].${c}`))];
  const errors = useFieldErrors(error, fields);
  const cell = (i: number, column: 'minLimit' | 'maxLimit' | 'annualRate') => {
    const name = `grades[${i}].${column}`;
    return (
      <td className={errors[name] ? 'has-error' : ''}>
        <input id={`f-${name}`} value={form.rows[i][column]} className="cell"
               onChange={(e) => setForm({ ...form, rows: form.rows.map((r, j) => (j === i ? { ...r, [column]: e.target.value } : r)) })} />
        {errors[name] ? <span className="field-error" role="alert" data-field-error={name}>{errors[name].join('; ')}</span> : null}
      </td>
    );
  };
  const submit = async (event: FormEvent) => {
    if (await save('/ops/v1/credit-decision/grade-table', gradeRequest(form, table.version), event)) onSaved();
  };
  return (
    <Section title={t('config.gradeTable', { version: table.version })} testId="grade-editor">
      <p className="hint">{t('config.gradeTableBy', { who: table.createdBy ?? '—', at: instant(table.createdAt, language) })}{table.reason ? `: ${table.reason}` : ''}</p>
      <form onSubmit={submit} noValidate className="edit-form">
        <table className="grid">
          <thead><tr><th>{t('config.grade')}</th><th>{t('config.minLimit')}</th><th>{t('config.maxLimit')}</th><th>{t('config.annualRate')}</th></tr></thead>
          <tbody>
            {form.rows.map((row, i) => (
              <tr key={row.grade} data-grade={row.grade}>
                <td><strong>{row.grade}</strong> <span className="hint">{rate(table.grades[i]?.annualRate)}</span></td>
                {cell(i, 'minLimit')}{cell(i, 'maxLimit')}{cell(i, 'annualRate')}
              </tr>
            ))}
          </tbody>
        </table>
        <Reason form={form} setForm={setForm} errors={errors} />
        <FormProblem error={error} errors={errors} />
        <SaveButtons busy={busy} saved={saved !== undefined} />
      </form>
    </Section>
  );
}

// ---------------------------------------------------------------- coupons

function Coupons({ selected }: { selected?: string }) {
  const { t, v } = useI18n();
  const [round, setRound] = useState(0);
  const [load] = useLoad<Campaign[]>(`campaigns:${round}`, (api) => api.get('/ops/v1/marketing/campaigns'));
  return (
    <>
      <Section title={t('config.campaigns')} testId="campaigns">
        <Loaded load={load}>
          {(campaigns) => campaigns.length === 0 ? <p className="empty">{t('common.none')}</p> : (
            <table className="grid">
              <thead><tr><th>{t('config.campaign.name')}</th><th>{t('config.campaign.kind')}</th><th>{t('config.campaign.terms')}</th>
                <th>{t('config.campaign.valid')}</th><th>{t('config.campaign.status')}</th><th>{t('config.updated')}</th><th /></tr></thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} data-campaign={c.id} className={c.id === selected ? 'selected' : ''}>
                    <td>{c.name}</td>
                    <td>{v('couponKind', c.kind)}</td>
                    <td>{c.discountedRate ? rate(c.discountedRate) : ''}{c.interestFreeDays ? t('config.campaign.freeDays', { n: c.interestFreeDays }) : ''}
                      {c.minimumAmount ? ` ≥ ${money(c.minimumAmount)}` : ''}{c.ruleGrades?.length ? ` · ${c.ruleGrades.join('/')}` : ''}</td>
                    <td>{c.validFrom ?? '—'} – {c.validUntil ?? '—'}</td>
                    <td><Badge group="campaignStatus" value={c.status} /></td>
                    <td>{c.changedBy ?? c.createdBy ?? '—'}</td>
                    <td><a href={href('/config', { tab: 'coupons', item: c.id })} data-action="edit-campaign">{t('config.edit')}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      {selected && load.state === 'done' ? (() => {
        const campaign = load.data.find((c) => c.id === selected);
        return campaign ? (
          <div className="columns">
            <CampaignEditor key={`${campaign.id}:${campaign.changedAt}`} campaign={campaign} onSaved={() => setRound((n) => n + 1)} />
            <AuditTrail service="marketing-service" subjectType="campaign" subjectId={campaign.id} round={round} />
          </div>
        ) : null;
      })() : null}
    </>
  );
}

// ---------------------------------------------------------------- funding partners and today's positions

function Partners({ selected }: { selected?: string }) {
  const { t } = useI18n();
  const [round, setRound] = useState(0);
  const [partners] = useLoad<Partner[]>(`partners:${round}`, (api) => api.get('/ops/v1/funding/partners'));
  const [positions] = useLoad<Positions>(`positions:${round}`, (api) => api.get('/ops/v1/funding/positions'));
  return (
    <>
      <Section title={t('config.partners')} testId="partners">
        <Loaded load={partners}>
          {(list) => (
            <table className="grid">
              <thead><tr><th>{t('config.partner.name')}</th><th>{t('config.partner.active')}</th><th className="num">{t('config.partner.priority')}</th>
                <th>{t('config.partner.rate')}</th><th>{t('config.partner.eligibility')}</th><th className="num">{t('config.partner.dailyPlan')}</th>
                <th>{t('config.updated')}</th><th /></tr></thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.partnerId} data-partner={p.partnerId} className={p.partnerId === selected ? 'selected' : ''}>
                    <td>{p.name}<div className="hint mono">{p.partnerId}</div></td>
                    <td>{p.active ? t('config.yes') : t('config.no')}</td>
                    <td className="num">{p.priority}</td>
                    <td>{rate(p.fundingRate.replace(/0+$/, ''))}</td>
                    <td>{p.eligibility.grades.join('/')} · {money(p.eligibility.minAmount)}–{money(p.eligibility.maxAmount)} · {p.eligibility.termMonths.join('/')}</td>
                    <td className="num">{money(p.dailyPlan)}</td>
                    <td>{p.updatedBy ?? '—'}</td>
                    <td><a href={href('/config', { tab: 'partners', item: p.partnerId })} data-action="edit-partner">{t('config.edit')}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      <Section title={t('config.positionsToday')} testId="positions-today">
        <Loaded load={positions}>
          {(p) => (
            <table className="grid">
              <thead><tr><th>{t('config.partner.name')}</th><th className="num">{t('config.position.plan')}</th><th className="num">{t('config.position.topUps')}</th>
                <th className="num">{t('config.position.reserved')}</th><th className="num">{t('config.position.used')}</th>
                <th className="num">{t('config.position.remaining')}</th><th className="num">{t('config.position.percent')}</th></tr></thead>
              <tbody>
                {p.positions.map((x) => (
                  <tr key={x.partnerId} data-position={x.partnerId} className={x.percentUsed && Number(x.percentUsed) >= p.warningPercent ? 'mark-due' : ''}>
                    <td>{x.partnerName ?? x.partnerId}</td>
                    <td className="num">{money(x.plan)}{x.ownPlan ? '' : ' *'}</td>
                    <td className="num">{money(x.topUps)}</td><td className="num">{money(x.reserved)}</td>
                    <td className="num">{money(x.used)}</td><td className="num">{money(x.remaining)}</td>
                    <td className="num">{x.percentUsed ?? '—'}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      {selected && partners.state === 'done' ? (() => {
        const partner = partners.data.find((p) => p.partnerId === selected);
        return partner ? (
          <><div className="columns">
            <PartnerEditor key={`${partner.partnerId}:${partner.version}`} partner={partner} onSaved={() => setRound((n) => n + 1)} />
            <AuditTrail service="funding-service" subjectType="funding-partner" subjectId={partner.partnerId} round={round} />
          </div>
          {positions.state === 'done' ? (
            <div className="columns">
              <PlanEditor key={`plan:${partner.partnerId}:${round}`} partner={partner} date={positions.data.businessDate}
                          plan={positions.data.positions.find((x) => x.partnerId === partner.partnerId)?.plan ?? partner.dailyPlan}
                          onSaved={() => setRound((n) => n + 1)} />
              <AuditTrail service="funding-service" subjectType="funding-position"
                          subjectId={`${partner.partnerId}/${positions.data.businessDate}`} round={round} />
            </div>
          ) : null}</>
        ) : null;
      })() : null}
    </>
  );
}

function PartnerEditor({ partner, onSaved }: { partner: Partner; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<PartnerForm>(() => partnerForm(partner));
  const { error, busy, saved, save } = useSave<Partner>();
  const fields = ['name', 'active', 'priority', 'fundingRate', 'grades', 'minAmount', 'maxAmount', 'termMonths', 'dailyPlan', 'reason', 'version'];
  const errors = useFieldErrors(error, fields);
  const text = (name: keyof PartnerForm, label: string) => (
    <Field name={name} label={label} errors={errors}>
      <input id={`f-${name}`} value={String(form[name])} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </Field>
  );
  const submit = async (event: FormEvent) => {
    if (await save(`/ops/v1/funding/partners/${partner.partnerId}`, partnerRequest(form, partner.version), event)) onSaved();
  };
  return (
    <Section title={t('config.editPartner', { name: partner.name })} testId="partner-editor">
      <form onSubmit={submit} noValidate className="edit-form">
        {text('name', t('config.partner.name'))}
        <Field name="active" label={t('config.partner.active')} errors={errors}>
          <select id="f-active" value={form.active ? 'true' : 'false'} onChange={(e) => setForm({ ...form, active: e.target.value === 'true' })}>
            <option value="true">{t('config.yes')}</option><option value="false">{t('config.no')}</option>
          </select>
        </Field>
        {text('priority', t('config.partner.priority'))}
        {text('fundingRate', t('config.partner.rate'))}
        {text('grades', t('config.partner.grades'))}
        {text('minAmount', t('config.partner.minAmount'))}
        {text('maxAmount', t('config.partner.maxAmount'))}
        {text('termMonths', t('config.partner.terms'))}
        {text('dailyPlan', t('config.partner.dailyPlan'))}
        <Reason form={form} setForm={setForm} errors={errors} />
        <FormProblem error={error} errors={errors} />
        <SaveButtons busy={busy} saved={saved !== undefined} />
      </form>
    </Section>
  );
}

function PlanEditor({ partner, date, plan, onSaved }: { partner: Partner; date: string; plan: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ amount: plan, reason: '' });
  const { error, busy, saved, save } = useSave<unknown>();
  const errors = useFieldErrors(error, ['amount', 'reason']);
  const submit = async (event: FormEvent) => {
    if (await save(`/ops/v1/funding/partners/${partner.partnerId}/plans/${date}`, { amount: form.amount.trim(), reason: form.reason }, event)) onSaved();
  };
  return (
    <Section title={t('config.planFor', { name: partner.name, date })} testId="plan-editor">
      <form onSubmit={submit} noValidate className="edit-form">
        <Field name="amount" label={t('config.position.plan')} errors={errors}>
          <input id="f-amount" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
        </Field>
        <Reason form={form} setForm={setForm} errors={errors} />
        <FormProblem error={error} errors={errors} />
        <SaveButtons busy={busy} saved={saved !== undefined} />
      </form>
    </Section>
  );
}

function CampaignEditor({ campaign, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<CampaignForm>(() => campaignForm(campaign));
  const { error, busy, saved, save } = useSave<Campaign>();
  const fields = ['name', 'discountedRate', 'interestFreeDays', 'minimumAmount', 'allowedTerms', 'validFrom', 'validUntil',
    'validDays', 'ruleGrades', 'reason', 'kind'];
  const errors = useFieldErrors(error, fields);
  const text = (name: Exclude<keyof CampaignForm, 'reason'>, label: string, type = 'text') => (
    <Field name={name} label={label} errors={errors}>
      <input id={`f-${name}`} type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </Field>
  );
  const submit = async (event: FormEvent) => {
    if (await save(`/ops/v1/marketing/campaigns/${campaign.id}`, campaignRequest(form, campaign.kind), event)) onSaved();
  };
  return (
    <Section title={t('config.editCampaign', { name: campaign.name })} testId="campaign-editor">
      <form onSubmit={submit} noValidate className="edit-form">
        {text('name', t('config.campaign.name'))}
        {campaign.kind === 'RATE_DISCOUNT' ? text('discountedRate', t('config.campaign.rate')) : text('interestFreeDays', t('config.campaign.days'))}
        {text('minimumAmount', t('config.campaign.minimum'))}
        {text('allowedTerms', t('config.partner.terms'))}
        {text('validDays', t('config.campaign.validDays'))}
        {text('validFrom', t('config.campaign.validFrom'), 'date')}
        {text('validUntil', t('config.campaign.validUntil'), 'date')}
        {text('ruleGrades', t('config.campaign.grades'))}
        <Reason form={form} setForm={setForm} errors={errors} />
        <FormProblem error={error} errors={errors} />
        <SaveButtons busy={busy} saved={saved !== undefined} />
      </form>
    </Section>
  );
}

// ---------------------------------------------------------------- audit trail

/**
 * Who changed this entry, when, why, and what it was before and after: the owning service's audit
 * trail, newest first. Reading it is for supervisors and administrators; others see "not allowed".
 */
export function AuditTrail({ service, subjectType, subjectId, round }: {
  service: string; subjectType: string; subjectId?: string; round: number;
}) {
  const { t, language } = useI18n();
  const [load] = useLoad<AuditPage>(`audit:${service}:${subjectType}:${subjectId}:${round}`, (api) =>
    api.get(`/ops/v1/${service}/audit`, { subjectType, subjectId, size: 20 }));
  return (
    <Section title={t('config.auditTrail')} testId="audit-trail">
      {load.state === 'failed' ? <ProblemBox error={load.error} testId={load.error.notAllowed ? 'audit-not-allowed' : undefined} /> : (
        <Loaded load={load}>
          {(page) => page.records.length === 0 ? <p className="empty">{t('config.noChanges')}</p> : (
            <ol className="audit">
              {page.records.map((r) => (
                <li key={r.id} data-audit={r.id} data-action={r.action} data-actor={r.actor}>
                  <div><strong>{r.actor}</strong> <span className="hint">({r.actorRoles.join(', ')})</span> · {r.action} · {instant(r.occurredAt, language)}</div>
                  {r.reason ? <div className="audit-reason">{t('config.because')}: {r.reason}</div> : null}
                  <Changes before={r.before} after={r.after} />
                  {r.requestId ? <div className="request-id">{t('problem.requestId')}: {r.requestId}</div> : null}
                </li>
              ))}
            </ol>
          )}
        </Loaded>
      )}
    </Section>
  );
}

/** The fields an audit record's before and after differ in, as "weight: 40 → 55". */
export function changedFields(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys
    .map((field) => ({ field, from: show(b[field]), to: show(a[field]) }))
    .filter((c) => c.from !== c.to);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Changes({ before, after }: { before: unknown; after: unknown }): ReactNode {
  const changes = changedFields(before, after);
  if (changes.length === 0) return null;
  return (
    <ul className="changes">
      {changes.map((c) => <li key={c.field} data-field={c.field}><span className="mono">{c.field}</span>: {c.from} → {c.to}</li>)}
    </ul>
  );
}
