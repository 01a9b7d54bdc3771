// The ops console's dashboard, configuration tables and personal-data pages end to end, in a real
// headless Chromium (Debian's package, driven by playwright-core; no browser is downloaded) against a
// running stack's gateway. OpsConsoleAdminE2ETest in local-stack prepares the data, runs this script and
// then checks through the APIs that what the browser did is what the services hold. By hand:
//   LENDFLOW_GATEWAY=http://localhost:8080 E2E_CUSTOMER_ID=<a borrower with a loan today> E2E_CUSTOMER_MOBILE=<their mobile> \
//   E2E_REASON='…' E2E_PURPOSE='…' node e2e/admin.e2e.mjs
import { env, openConsole } from './browser.mjs';

const customerId = env('E2E_CUSTOMER_ID');
const mobile = env('E2E_CUSTOMER_MOBILE');
const reason = env('E2E_REASON');
const purpose = env('E2E_PURPOSE');
const { gateway, page, step, shot, visible, expectText, signIn: signInAt, signOut, run } =
  await openConsole({ name: 'admin', shots: 'target/e2e-screenshots/admin', timeoutMs: 30000 });
const signIn = (username) => signInAt(username, '/console/#/dashboard');

/** Opens the first anti-fraud rule's editor; its code and weight as the page shows them. */
async function openFirstRule() {
  await page.goto(`${gateway}/console/#/config?tab=rules`);
  await page.locator('a[data-action=edit-rule]').first().click();
  const form = page.locator('[data-testid=rule-editor] form');
  await form.waitFor();
  return { form, code: await form.getAttribute('data-rule'), weight: Number(await form.locator('#f-weight').inputValue()) };
}

async function saveRule(form, weight, why) {
  await form.locator('#f-weight').fill(String(weight));
  await form.locator('#f-reason').fill(why);
  await form.locator('button[data-action=save]').click();
}

await run(async () => {
  // A supervisor opens the dashboard: the loan lent today is on today's bar, and every panel has its figures.
  step(`opening ${gateway}/console/`);
  await signIn('supervisor');
  await page.goto(`${gateway}/console/#/dashboard`);
  const businessDate = (await page.locator('[data-testid=business-date]').innerText()).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!businessDate) throw new Error('the dashboard does not show the business date');
  const today = page.locator(`[data-testid=flows-chart] rect[data-series=disbursed][data-category="${businessDate}"]`);
  await today.waitFor({ state: 'attached' });
  const lentToday = await today.getAttribute('data-value');
  if (!lentToday || lentToday === '¥0.00') throw new Error(`nothing shows as lent on ${businessDate}: ${lentToday}`);
  if (Number(await today.getAttribute('height')) <= 0) throw new Error('today\'s disbursement bar has no height');
  await visible(page.locator('[data-testid=approval-rate] .big-figure').filter({ hasText: '%' }), 'the approval rate');
  await visible(page.locator('[data-testid=overdue-total]'), 'the overdue rate');
  await visible(page.locator('[data-testid=roll-rates] .meter-row[data-row="M1-M2"]'), 'the M1→M2 roll rate');
  await visible(page.locator('[data-testid=position-meters] .meter-row'), 'the funding positions');
  // A class without breaks is a bar of no height: there, not visible.
  await page.locator('[data-testid=breaks-by-class] rect[data-series=open]').first().waitFor({ state: 'attached' });
  console.log(`DASHBOARD ${businessDate} ${lentToday}`);
  await shot('01-dashboard');

  // The review queue says how long it is.
  await page.goto(`${gateway}/console/#/reviews`);
  const count = await page.locator('[data-testid=review-count]').getAttribute('data-count');
  if (!/^\d+$/.test(count ?? '')) throw new Error(`the review queue shows no total: ${count}`);
  await shot('02-review-queue-total');

  // A supervisor may read the rules and their audit trail but not change them: the API refuses, the form says so.
  let rule = await openFirstRule();
  await saveRule(rule.form, rule.weight === 0 ? 1 : rule.weight - 1, `${reason} (refused)`);
  await expectText(rule.form.locator('[data-testid=not-allowed]'), '无权限', 'a supervisor changing a rule');
  await visible(page.locator('[data-testid=audit-trail]'), 'the rule\'s audit trail for a supervisor');
  await shot('03-config-rule-refused');

  // Finding the borrower by their mobile: one result, masked.
  await page.goto(`${gateway}/console/#/customers`);
  await page.locator('#f-who').fill(mobile);
  await page.locator('[data-testid=customer-search] button[type=submit]').click();
  const found = page.locator(`[data-testid=customer-results] tr[data-customer="${customerId}"]`);
  await found.waitFor();
  const results = await page.locator('[data-testid=customer-results]').innerText();
  if (results.includes(mobile) || !results.includes('****')) throw new Error(`the search result is not masked: ${results}`);
  if ((await page.locator('[data-testid=customer-results]').getAttribute('data-total')) !== '1') {
    throw new Error('the search by an exact mobile did not find exactly one customer');
  }
  if (page.url().includes(mobile)) throw new Error('the mobile is in the address bar');
  await shot('04-customer-search');

  // Revealing needs a purpose (the API names the field), then shows the data whole and records why.
  await found.locator('[data-testid=customer-link]').click();
  const reveal = page.locator('[data-testid=reveal]');
  await reveal.locator('button[data-action=reveal]').click();
  await expectText(reveal.locator('[data-field-error=purpose]'), '必填', 'a reveal without a purpose');
  if ((await page.locator('main').innerText()).includes(mobile)) throw new Error('the whole mobile shows before the reveal');
  await reveal.locator('#f-purpose').fill(purpose);
  await reveal.locator('button[data-action=reveal]').click();
  await expectText(reveal.locator('[data-testid=revealed]'), mobile, 'the revealed mobile');
  await shot('05-customer-revealed');
  await signOut();

  // An administrator changes the same rule: a weight that is not a number is refused next to the field;
  // a good one is saved and its audit line names the administrator and the reason. Then it is put back.
  await signIn('admin');
  rule = await openFirstRule();
  const original = rule.weight;
  const changed = original === 0 ? 1 : original - 1;
  await saveRule(rule.form, 'many', reason);
  await visible(rule.form.locator('[data-field-error=weight]'), 'a weight that is not a number');
  await shot('06-config-rule-field-error');
  await saveRule(rule.form, changed, reason);
  const line = page.locator(`[data-testid=audit-trail] li[data-action="rule.change"][data-actor=admin]`).filter({ hasText: reason });
  await visible(line, 'the audit line of the change');
  await visible(line.locator('li[data-field=weight]').filter({ hasText: `${original} → ${changed}` }), 'the changed weight in the audit line');
  await visible(page.locator(`tr[data-rule="${rule.code}"] td.num`).filter({ hasText: String(changed) }), 'the new weight in the table');
  await shot('07-config-rule-changed-audited');
  const restored = await openFirstRule();
  await saveRule(restored.form, original, `${reason} (put back)`);
  await visible(page.locator('[data-testid=audit-trail] li[data-actor=admin]').filter({ hasText: `${reason} (put back)` }), 'the put-back audit line');
  console.log(`RULE ${rule.code} ${original} ${changed}`);

  // The other tables, each with its audit trail.
  await page.goto(`${gateway}/console/#/config?tab=grades`);
  await visible(page.locator('[data-testid=grade-editor] tr[data-grade=A]'), 'the grade table');
  await visible(page.locator('[data-testid=audit-trail]'), 'the grade table\'s audit trail');
  await shot('08-config-grade-table');
  await page.goto(`${gateway}/console/#/config?tab=partners`);
  await visible(page.locator('[data-testid=partners] tr[data-partner]'), 'the funding partners');
  await visible(page.locator('[data-testid=positions-today] tr[data-position]'), 'today\'s positions');
  await shot('09-config-partners');
  await page.goto(`${gateway}/console/#/config?tab=coupons`);
  await visible(page.locator('[data-testid=campaigns] tr[data-campaign]'), 'the coupon campaigns');
  await shot('10-config-coupons');
}, 'failure');
