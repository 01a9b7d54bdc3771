import { useEffect, useMemo, useState } from 'react';
import { Api, type Session } from './api';
import { ApiContext } from './components';
import { I18nContext, i18nFor, initialLanguage, LANGUAGES, useI18n, type Language } from './i18n/i18n';
import { ApplicationDetail } from './pages/ApplicationDetail';
import { Applications } from './pages/Applications';
import { Adjustments, Cases, CaseView } from './pages/Collection';
import { Config } from './pages/Config';
import { Customer } from './pages/Customer';
import { CustomerSearch } from './pages/CustomerSearch';
import { Dashboard } from './pages/Dashboard';
import { EndOfDay } from './pages/EndOfDay';
import { Loan } from './pages/Loan';
import { Breaks, ReconciliationRuns } from './pages/Reconciliation';
import { Reviews } from './pages/Reviews';
import { SignIn } from './pages/SignIn';
import { ApiError } from './problem';
import { href, parseRoute, type Route } from './router';

const SESSION_KEY = 'lendflow.console.session';
const LANGUAGE_KEY = 'lendflow.console.language';

/** The session kept for this tab only (sessionStorage), dropped once its token has expired. */
export function restoreSession(stored: string | null, now: number): Session | undefined {
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    return Date.parse(session.expiresAt) > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function App() {
  const [language, setLanguageState] = useState<Language>(() => initialLanguage(localStorage.getItem(LANGUAGE_KEY)));
  const [session, setSession] = useState<Session | undefined>(() => restoreSession(sessionStorage.getItem(SESSION_KEY), Date.now()));
  const [expired, setExpired] = useState<ApiError>();
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);

  const i18n = useMemo(() => i18nFor(language, (next) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }), [language]);

  const api = useMemo(() => new Api(() => session?.accessToken, () => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(undefined);
    setExpired(new ApiError({ status: 401, detail: i18n.t('signIn.expired') }));
  }), [session, i18n]);

  const signedIn = (next: Session) => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
    setExpired(undefined);
    setSession(next);
    if (route.page === 'sign-in') window.location.hash = href('/applications');
  };
  const signOut = () => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(undefined);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <ApiContext.Provider value={api}>
        {session ? (
          <Shell session={session} route={route} onSignOut={signOut} />
        ) : (
          <>
            <LanguageSwitch />
            <SignIn onSignedIn={signedIn} initialError={expired} />
          </>
        )}
      </ApiContext.Provider>
    </I18nContext.Provider>
  );
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" className={l === language ? 'current' : ''} aria-pressed={l === language}
                data-language={l} onClick={() => setLanguage(l)}>{l === 'zh' ? '中文' : 'English'}</button>
      ))}
    </div>
  );
}

const NAV = [
  { path: '/dashboard', key: 'nav.dashboard', pages: ['dashboard'] },
  { path: '/applications', key: 'nav.applications', pages: ['applications', 'application'] },
  { path: '/reviews', key: 'nav.reviews', pages: ['reviews'] },
  { path: '/customers', key: 'nav.customers', pages: ['customers', 'customer', 'loan'] },
  { path: '/collection', key: 'nav.collection', pages: ['collection', 'case'] },
  { path: '/adjustments', key: 'nav.adjustments', pages: ['adjustments'] },
  { path: '/reconciliation', key: 'nav.reconciliation', pages: ['reconciliation'] },
  { path: '/breaks', key: 'nav.breaks', pages: ['breaks'] },
  { path: '/eod', key: 'nav.eod', pages: ['eod'] },
  { path: '/config', key: 'nav.config', pages: ['config'] },
] as const;

function Shell({ session, route, onSignOut }: { session: Session; route: Route; onSignOut: () => void }) {
  const { t, v } = useI18n();
  return (
    <div className="shell">
      <header className="top">
        <a className="brand" href={href('/applications')}>{t('app.title')}</a>
        <nav>
          {NAV.map((item) => (
            <a key={item.path} href={href(item.path)} data-nav={item.path.slice(1)}
               className={(item.pages as readonly string[]).includes(route.page) ? 'current' : ''}>{t(item.key)}</a>
          ))}
        </nav>
        <div className="who" data-testid="who">
          <span>{session.username}</span>
          <span className="roles">{session.roles.map((r) => v('role', r)).join(', ')}</span>
          <button type="button" onClick={onSignOut}>{t('app.signOut')}</button>
        </div>
        <LanguageSwitch />
      </header>
      <main>
        <Page route={route} me={session.username} />
      </main>
    </div>
  );
}

function Page({ route, me }: { route: Route; me: string }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'sign-in':
    case 'applications':
      return <Applications query={route.page === 'applications' ? route.query : {}} />;
    case 'application':
      return <ApplicationDetail key={route.id} id={route.id} />;
    case 'reviews':
      return <Reviews query={route.query} />;
    case 'customers':
      return <CustomerSearch />;
    case 'customer':
      return <Customer key={route.id} id={route.id} />;
    case 'loan':
      return <Loan key={route.id} id={route.id} />;
    case 'collection':
      return <Cases query={route.query} me={me} />;
    case 'case':
      return <CaseView key={route.id} id={route.id} />;
    case 'adjustments':
      return <Adjustments query={route.query} />;
    case 'reconciliation':
      return <ReconciliationRuns query={route.query} />;
    case 'breaks':
      return <Breaks query={route.query} />;
    case 'eod':
      return <EndOfDay query={route.query} />;
    case 'dashboard':
      return <Dashboard query={route.query} />;
    case 'config':
      return <Config query={route.query} />;
    default:
      return <div className="panel"><h1>{t('app.notFound')}</h1><p className="mono">{route.path}</p></div>;
  }
}
