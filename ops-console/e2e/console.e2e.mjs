// The ops console end to end, in a real headless Chromium (Debian's package, driven by playwright-core;
// no browser is downloaded) against a running stack's gateway. OpsConsoleE2ETest in local-stack prepares
// the data, runs this script and fails with its output. By hand, against `./lendflow up`:
//   LENDFLOW_GATEWAY=http://localhost:8080 E2E_APPLICATION_ID=<an UNDER_REVIEW application> \
//   E2E_CUSTOMER_ID=<its customer> E2E_LOAN_ID=<a loan with its first installment paid> node e2e/console.e2e.mjs
import { env, openConsole } from './browser.mjs';

const applicationId = env('E2E_APPLICATION_ID');
const customerId = env('E2E_CUSTOMER_ID');
const applicantMobile = process.env.E2E_CUSTOMER_MOBILE ?? '';
const loanId = env('E2E_LOAN_ID');
const { gateway, page, step, shot, expectText, fillSignIn: signIn, signOut, run } =
  await openConsole({ name: 'console' });

async function reviewCard() {
  await page.goto(`${gateway}/console/#/reviews?status=PENDING`);
  const card = page.locator(`article[data-application="${applicationId}"]`);
  await card.waitFor().catch(async () => {
    throw new Error(`the review of ${applicationId} is not in the queue: ${(await page.locator('main').innerText()).slice(0, 1500)}`);
  });
  return card;
}

await run(async () => {
  // Sign-in: a wrong password is refused next to the password field, in Chinese labels by default.
  step(`opening ${gateway}/console/`);
  await page.goto(`${gateway}/console/`);
  await page.locator('[data-testid=sign-in-form]').waitFor();
  await signIn('agent', 'not-the-password');
  await expectText(page.locator('[data-field-error=password]'), '用户名或密码不正确', 'a refused sign-in');
  await shot('01-sign-in-refused');

  // An ops agent reads the queue and the loan, but may not conclude a review: "not allowed", nothing changes.
  await signIn('agent', 'agent-password');
  await page.locator('[data-testid=who]').filter({ hasText: 'agent' }).waitFor();
  let card = await reviewCard();
  await card.locator('textarea').fill('looks fine to me');
  await card.locator('button[data-action=approve]').click();
  await expectText(card.locator('[data-testid=not-allowed]'), '无权限', 'an agent approving a review');
  await shot('02-agent-may-not-approve');
  await page.goto(`${gateway}/console/#/loans/${loanId}`);
  const paid = page.locator('[data-testid=schedule] tr[data-period="1"][data-mark=paid]');
  await paid.waitFor();
  await page.locator('[data-testid=schedule] tr[data-period="2"][data-mark=not-due]').waitFor();
  await expectText(page.locator('[data-testid=ledger-repayments]'), 'PRINCIPAL', 'the repayment history');
  await expectText(page.locator('[data-testid=repayment-orders]'), 'SUCCEEDED', 'the channel collections');
  await expectText(page.locator('[data-testid=journal]'), '1101', 'the journal lines');
  await shot('03-loan');
  await signOut();

  // A risk analyst finds the application by searching on the server, reads why it is waiting, approves it
  // and follows the saga to its end.
  await signIn('analyst', 'analyst-password');
  await page.locator('[data-testid=who]').filter({ hasText: 'analyst' }).waitFor();
  // Signing in keeps the page the last person was on (the loan); the analyst goes to the applications.
  await page.locator('a[data-nav=applications]').click();
  await page.locator('#f-state').selectOption('FRAUD_REVIEW');
  await page.locator('#f-customerId').fill(customerId);
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.locator(`[data-testid=applications] tr[data-application="${applicationId}"]`);
  await row.waitFor();
  const rows = await page.locator('[data-testid=applications] tbody tr[data-application]').count();
  if (rows !== 1) throw new Error(`the search for one customer's applications under review found ${rows} rows`);
  await shot('04-applications-search');
  await row.locator('a').first().click();
  await page.locator('[data-testid=application-state][data-state=FRAUD_REVIEW]').waitFor();
  await expectText(page.locator('[data-testid=fraud-panel]'), 'WIFI', 'the fired fraud rule');
  await expectText(page.locator('[data-testid=timeline]'), 'AssessFraudRisk', 'the timeline');
  await shot('05-application-under-review');

  // The form shows the API's problem next to the field: an empty comment is refused by antifraud-service.
  card = await reviewCard();
  await card.locator('button[data-action=approve]').click();
  await expectText(card.locator('[data-field-error=comment]'), '必填', 'an empty comment');
  await shot('06-review-comment-required');
  await card.locator('textarea').fill('called the customer back; the hotspot is a cafe near their office');
  await card.locator('button[data-action=approve]').click();
  await card.locator('[data-testid=review-concluded]').waitFor();
  await shot('07-review-approved');
  await card.locator('[data-testid=follow-application]').click();
  await page.locator('[data-testid=application-state][data-state=APPROVED]').waitFor();
  await expectText(page.locator('[data-testid=timeline]'), 'CreditLineGranted', 'the completed saga');
  await expectText(page.locator('[data-testid=timeline]'), 'cafe near their office', 'the reviewer\'s comment');
  await page.locator('[data-testid=decision-panel] ol.reasons li').first().waitFor();
  await shot('08-application-approved');

  // English on request; the choice stays for the next page.
  await page.locator('button[data-language=en]').first().click();
  await expectText(page.locator('[data-testid=application-summary]'), 'Approved', 'the summary in English');
  await shot('09-application-approved-en');

  // The customer, masked, with the line the saga just granted.
  await page.goto(`${gateway}/console/#/customers/${customerId}`);
  await expectText(page.locator('[data-testid=credit-line]'), 'Active', 'the granted credit line');
  const identity = await page.locator('[data-testid=customer-identity]').innerText();
  if (!identity.includes('****')) throw new Error(`the customer's mobile is not masked: ${identity}`);
  if (applicantMobile && (await page.content()).includes(applicantMobile)) {
    throw new Error('the customer\'s whole mobile number is on the page');
  }
  await shot('10-customer');
}, 'failure');
