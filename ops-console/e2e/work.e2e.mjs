// The console's working pages end to end, in a real headless Chromium (Debian's package, driven by
// playwright-core; no browser is downloaded) against a running stack's gateway. OpsConsoleWorkE2ETest in
// local-stack prepares an overdue borrower's case (assigned to "agent") and a phantom payout on today's
// channel statement, runs this script and then asks the services what they hold. By hand, against
// `./lendflow up` with such data: LENDFLOW_GATEWAY=http://localhost:8080 E2E_CASE_ID=... E2E_LOAN_ID=...
// E2E_BORROWER_MOBILE=... E2E_PROMISE_DATE=... E2E_RECONCILIATION_DATE=... E2E_PHANTOM=...
// E2E_BUSINESS_DATE=... node e2e/work.e2e.mjs
import { env, openConsole } from './browser.mjs';

const caseId = env('E2E_CASE_ID');
const loanId = env('E2E_LOAN_ID');
const mobile = env('E2E_BORROWER_MOBILE');
const promiseDate = env('E2E_PROMISE_DATE');
const reconciliationDate = env('E2E_RECONCILIATION_DATE');
const bucket = env('E2E_BUCKET', 'M1');
const phantom = env('E2E_PHANTOM');
const businessDate = env('E2E_BUSINESS_DATE');
const { gateway, page, step, shot, visible, expectText, signIn, signOut, run } =
  await openConsole({ name: 'console-work' });

async function noWholeMobile(where) {
  if ((await page.content()).includes(mobile)) throw new Error(`the borrower's whole mobile number is on the ${where}`);
}

async function adjustmentCard(id) {
  await page.goto(`${gateway}/console/#/adjustments?state=REQUESTED`);
  const card = page.locator(`article[data-adjustment="${id}"]`);
  await visible(card, `the waiver ${id} in the approvals`);
  return card;
}

await run(async () => {
  // An agent finds the overdue borrower's case in their own worklist, filtered on the server by bucket.
  step(`opening ${gateway}/console/ as agent`);
  await signIn('agent');
  await page.locator('a[data-nav=collection]').click();
  await page.locator('#f-bucket').selectOption(bucket);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator(`[data-testid=cases] tr[data-case="${caseId}"]`);
  await visible(row, 'the overdue case in the agent\'s worklist');
  await page.waitForFunction((b) => window.location.hash.includes(`bucket=${b}`), bucket);
  const others = await page.locator('[data-testid=cases] tbody tr[data-case]').evaluateAll(
    (rows, b) => rows.filter((r) => !r.textContent.includes(b)).length, bucket);
  if (others !== 0) throw new Error(`the worklist filtered on ${bucket} shows ${others} cases of other buckets`);
  await shot('11-worklist');

  // The case: the borrower masked, the loan's overdue amount and bucket.
  await row.locator('a').first().click();
  await page.locator('[data-testid=case-state][data-state=OPEN]').waitFor();
  await expectText(page.locator('[data-testid=case-bucket]'), bucket, 'the case\'s bucket');
  await visible(page.locator(`[data-testid=case-loans] tr[data-loan="${loanId}"]`), 'the overdue loan');
  await expectText(page.locator('[data-testid=case-loans]'), '#1', 'the overdue installment');
  await expectText(page.locator('[data-testid=case-borrower]'), '****', 'the masked borrower');
  await noWholeMobile('case page');
  await shot('12-case');

  // A promise to pay: the API refuses a promise without an amount next to the amount, then takes it.
  const contact = page.locator('[data-testid=contact-form]');
  await expectText(contact.locator('[data-testid=dialled]'), '借款人本人登记的手机', 'the call to the mobile on record');
  await contact.locator('#f-outcome').selectOption('PROMISED_TO_PAY');
  await contact.locator('#f-promise-date').fill(promiseDate);
  await contact.locator('button[data-action=log-contact]').click();
  await expectText(contact.locator('[data-field-error="promise.amount"]'), '必须大于 0', 'a promise without an amount');
  await shot('13-promise-refused');
  await contact.locator('#f-promise-amount').fill('35.00');
  await contact.locator('#f-note').fill('borrower lost income this month; will pay 35 yuan by the promised date');
  await contact.locator('button[data-action=log-contact]').click();
  await visible(page.locator('[data-testid=case-contacts] tr[data-outcome=PROMISED_TO_PAY]'), 'the logged call');
  await expectText(page.locator('[data-testid=case-promises] tr[data-state=OPEN]'), '35.00', 'the promise to pay');
  await noWholeMobile('case page after the call');
  await shot('14-promise-logged');

  // The agent asks for a waiver of some interest.
  const relief = page.locator('[data-testid=adjustment-form]');
  await relief.locator('#f-kind').selectOption('WAIVER');
  await relief.locator('#f-interest').fill('0.10');
  await relief.locator('#f-reason').fill('the agent\'s call: lost income this month');
  await relief.locator('button[data-action=request-adjustment]').click();
  const requested = relief.locator('[data-testid=adjustment-requested]');
  await visible(requested, 'the waiver requested');
  const waiver = await requested.getAttribute('data-adjustment');
  step(`waiver ${waiver}`);
  await visible(page.locator(`[data-testid=case-adjustments] tr[data-adjustment="${waiver}"][data-state=REQUESTED]`),
    'the waiver in the case');
  await shot('15-waiver-requested');

  // The agent may read the approvals but not approve: the API's refusal shows, the waiver still waits.
  let card = await adjustmentCard(waiver);
  await card.locator('textarea').fill('looks fine to the agent');
  await card.locator('button[data-action=approve]').click();
  await expectText(card.locator('[data-testid=not-allowed]'), '无权限', 'an agent approving a waiver');
  if ((await card.getAttribute('data-state')) !== 'REQUESTED') throw new Error('the waiver moved on the agent\'s click');
  await shot('16-agent-may-not-approve');
  await signOut();

  // A supervisor approves it, told first that a decision needs a reason.
  await signIn('supervisor');
  card = await adjustmentCard(waiver);
  await card.locator('button[data-action=approve]').click();
  await expectText(card.locator('[data-field-error=reason]'), '必填', 'an approval without a reason');
  await card.locator('textarea').fill('hardship confirmed on the call; interest waived once');
  await card.locator('button[data-action=approve]').click();
  await visible(card.locator('[data-testid=adjustment-decided]'), 'the approved waiver');
  await shot('17-supervisor-approved');
  await signOut();

  // Finance reconciles the channel's statement of the day (yesterday's, D+1), watching the runs, and finds the phantom payout.
  await signIn('finance');
  await page.locator('a[data-nav=reconciliation]').click();
  const start = page.locator('[data-testid=start-runs]');
  await start.locator('#f-start-date').fill(reconciliationDate);
  await start.locator('#f-start-reconciliation').selectOption('CHANNEL');
  await start.locator('#f-start-party').fill('simpay');
  await start.locator('#f-start-reason').fill('console journey: the day\'s channel statement');
  await start.locator('button[data-action=start-runs]').click();
  const run = page.locator(`[data-testid=runs] tr[data-reconciliation=CHANNEL][data-party=simpay]`);
  await visible(page.locator('[data-testid=runs] tr[data-reconciliation=CHANNEL][data-party=simpay][data-state=FINISHED]'),
    'the finished channel run');
  await page.locator('[data-testid=recon-progress][data-running=false]').waitFor();
  await shot('18-reconciliation-runs');
  await run.locator('a').click();
  const phantomRow = page.locator(`[data-testid=breaks] tr[data-reference="${phantom}"]`);
  await visible(page.locator(`[data-testid=breaks] tr[data-reference="${phantom}"][data-state=OPEN]`), 'the phantom payout\'s break');
  if ((await phantomRow.getAttribute('data-class')) !== 'MISSING_ON_OUR_SIDE') {
    throw new Error(`the phantom payout is a ${await phantomRow.getAttribute('data-class')} break`);
  }
  await visible(page.locator('[data-testid=breaks-by-class] a[data-class=MISSING_ON_OUR_SIDE]:not([data-count="0"])'),
    'the count of breaks missing on our side');
  await shot('19-breaks');

  // Resolved with a reason, which the API requires.
  await phantomRow.locator('button[data-action=open-resolve]').click();
  const resolveForm = page.locator('[data-testid=breaks] tr.form-row');
  await resolveForm.locator('select').selectOption('FALSE_ALARM');
  await resolveForm.locator('button[data-action=resolve]').click();
  await expectText(resolveForm.locator('[data-field-error=reason]'), '必填', 'a resolution without a reason');
  await resolveForm.locator('textarea').fill('the channel\'s test transfer, never paid out');
  await resolveForm.locator('button[data-action=resolve]').click();
  await visible(page.locator(`[data-testid=breaks] tr[data-reference="${phantom}"][data-state=RESOLVED]`), 'the resolved break');
  await expectText(page.locator(`[data-testid=breaks] tr[data-reference="${phantom}"] [data-testid=break-resolution]`),
    'never paid out', 'the resolution');
  await shot('20-break-resolved');

  // End of day: its history, then the day's run with its bar until the date moves on.
  await page.locator('a[data-nav=eod]').click();
  await expectText(page.locator('[data-testid=business-date]'), businessDate, 'the business date');
  await visible(page.locator('[data-testid=eod-history] tr[data-eod][data-status=FINISHED]'), 'the history of runs');
  await shot('21-eod-history');
  await page.locator('button[data-action=start-eod]').click();
  await visible(page.locator(`[data-testid=eod-latest][data-date="${businessDate}"][data-status=FINISHED]`), 'the finished run');
  await page.locator('[data-testid=eod-progress][data-percent="100"]').waitFor();
  await shot('22-eod-finished');
}, 'work-failure');
