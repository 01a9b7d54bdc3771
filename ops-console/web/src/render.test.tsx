import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProblemBox } from './components';
import { I18nContext, i18nFor } from './i18n/i18n';
import { SignIn } from './pages/SignIn';
import { ApiError } from './problem';

function render(node: React.ReactNode, language: 'zh' | 'en' = 'zh') {
  return renderToString(<I18nContext.Provider value={i18nFor(language)}>{node}</I18nContext.Provider>);
}

describe('what staff see', () => {
  it('a refused sign-in shows the message under the password field', () => {
    const refused = new ApiError({ status: 401, title: 'Sign-in refused', detail: 'the username or the password is not right',
      errors: [{ field: 'password', rule: 'bad-credentials', message: 'the username or the password is not right' }] });
    const html = render(<SignIn onSignedIn={() => {}} initialError={refused} />);
    expect(html).toContain('data-field-error="password"');
    expect(html).toMatch(/id="f-password"[^>]*>.*用户名或密码不正确/s);
    expect(html).not.toContain('data-field-error="username"');
    expect(html).toContain('登录');
    expect(render(<SignIn onSignedIn={() => {}} initialError={refused} />, 'en'))
      .toMatch(/id="f-password"[^>]*>.*The username or the password is not right/s);
  });

  it('a 403 reads "not allowed" in the chosen language, with the API\'s own words', () => {
    const forbidden = new ApiError({ status: 403, title: 'Forbidden', detail: 'this token may not POST /ops/v1/antifraud/reviews/r/approve' });
    expect(render(<ProblemBox error={forbidden} />)).toContain('无权限');
    const english = render(<ProblemBox error={forbidden} />, 'en');
    expect(english).toContain('Not allowed');
    expect(english).toContain('this token may not POST /ops/v1/antifraud/reviews/r/approve');
  });

  it('any other failure shows the problem and its request id', () => {
    const failed = new ApiError({ status: 500, title: 'Internal error', detail: 'quote the requestId', requestId: 'abc-123' });
    const html = render(<ProblemBox error={failed} />, 'en');
    expect(html).toContain('Internal error');
    expect(html).toContain('abc-123');
    expect(html).not.toContain('Not allowed');
  });
});
