import type { Language } from './i18n/i18n';

/** Money as the APIs give it (a decimal string, two places), grouped for reading; never through a float. */
export function money(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') {
    return '—';
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) {
    return amount;
  }
  const [, sign, whole, fraction = ''] = match;
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

/** An annual rate given as a decimal fraction ("0.073"), shown as a percentage ("7.3%") by moving the point, not by float arithmetic. */
export function rate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match) {
    return value;
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const whole = (match[1] + fraction.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** An instant in Beijing time, where the business runs, whatever the browser's zone. */
export function instant(value: string | null | undefined, language: Language): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—';
}
