import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart, MeterRows } from './charts';
import { I18nContext, i18nFor } from './i18n/i18n';
import { changedFields } from './pages/Config';

function render(node: React.ReactNode) {
  return renderToString(<I18nContext.Provider value={i18nFor('zh')}>{node}</I18nContext.Provider>);
}

describe('charts', () => {
  it('draw a bar per day and series, its height in proportion and its exact figure in the title', () => {
    const html = render(<BarChart ariaLabel="flows" categories={['2026-11-28', '2026-11-29']} series={[
      { key: 'disbursed', label: '放款', values: [500, 1000], texts: ['¥500.00', '¥1,000.00'] },
      { key: 'repaid', label: '还款', values: [0, 250], texts: ['¥0.00', '¥250.00'] },
    ]} />);
    expect(html.match(/<rect /g)).toHaveLength(4);
    // The axis runs 0–1000 over 160 px: 1000 fills it, 500 half of it, 0 nothing.
    expect(html).toMatch(/height="160"[^>]*data-series="disbursed" data-category="2026-11-29"/);
    expect(html).toMatch(/height="80"[^>]*data-series="disbursed" data-category="2026-11-28"/);
    expect(html).toMatch(/height="0"[^>]*data-series="repaid" data-category="2026-11-28"/);
    expect(html).toContain('2026-11-29 放款: ¥1,000.00');
    expect(html).toContain('>11-29<');
  });

  it('mark a position past the warning and one at its plan as a stop', () => {
    const html = render(<MeterRows markPercent={90} rows={[
      { key: 'a', label: 'A', percent: '45.00', text: '45%' },
      { key: 'b', label: 'B', percent: '92.50', text: '92.5%' },
      { key: 'c', label: 'C', percent: '100.00', text: '100%' },
    ]} />);
    expect(html).toMatch(/meter-ok" style="width:45%"/);
    expect(html).toMatch(/meter-warn" style="width:92.5%"/);
    expect(html).toMatch(/meter-stop" style="width:100%"/);
  });

  it('draw a plain share without a plan as neither warning nor stop', () => {
    const html = render(<MeterRows rows={[{ key: 'approved', label: 'A', percent: '100.0', text: '1' }]} />);
    expect(html).toMatch(/meter-plain" style="width:100%"/);
    expect(html).not.toContain('meter-stop');
  });
});

describe('an audit record', () => {
  it('shows only the fields that changed', () => {
    expect(changedFields(
      { enabled: true, weight: 40, params: { maxPerDay: 3 }, version: 4 },
      { enabled: true, weight: 55, params: { maxPerDay: 3 }, version: 5 },
    )).toEqual([{ field: 'version', from: '4', to: '5' }, { field: 'weight', from: '40', to: '55' }]);
    expect(changedFields(null, { name: 'x' })).toEqual([{ field: 'name', from: '—', to: 'x' }]);
  });
});
