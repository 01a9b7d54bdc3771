import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nContext, i18nFor } from './i18n/i18n';
import { ProgressBar } from './pages/ProgressBar';

function render(node: React.ReactNode) {
  return renderToString(<I18nContext.Provider value={i18nFor('zh')}>{node}</I18nContext.Provider>);
}

describe('a long operation\'s bar', () => {
  it('says how far it is to the eye, to a screen reader and to a test, and moves only while running', () => {
    const html = render(<ProgressBar progress={{ fraction: 0.45, running: true }} label="已处理借据 90 / 200" testId="eod-progress" />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="45"');
    expect(html).toContain('width:45%');
    expect(html).toContain('progress-bar running');
    expect(html).toContain('data-running="true"');
    expect(html).toContain('已处理借据 90 / 200 · 45%');
    const done = render(<ProgressBar progress={{ fraction: 1, running: false }} label="done" />);
    expect(done).toContain('aria-valuenow="100"');
    expect(done).not.toContain('progress-bar running');
  });
});
