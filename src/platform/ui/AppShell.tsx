import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useI18n } from './i18n-context.tsx';
import { useSession } from './session-context.tsx';
import { api } from './api.ts';
import { Loading } from './Feedback.tsx';
import { adminNav, dailyNav, type NavItem } from './navigation.ts';
import { InboxLink } from '../notifications/ui/InboxLink.tsx';

function NavList({ items, onNavigate }: { items: NavItem[]; onNavigate(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const visible = items.filter((i) => !i.permission || can(i.permission));
  if (visible.length === 0) return null;
  return (
    <ul>
      {visible.map((item) =>
        item.coming ? (
          <li key={item.to}>
            <span>
              {t(item.label)} <span className="coming">({t('app.comingSoon')})</span>
            </span>
          </li>
        ) : (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'} onClick={onNavigate}>
              {t(item.label)}
            </NavLink>
          </li>
        ),
      )}
    </ul>
  );
}

/** The frame of every page: header with language and logout, navigation, and the page itself. */
export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const { user, can, logout } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  useLocation();
  const other = locale === 'nb' ? 'en' : 'nb';

  async function switchLanguage() {
    setLocale(other);
    await api.put('/api/auth/me/locale', { locale: other }).catch(() => {});
  }

  const hasAdmin = adminNav.some((i) => !i.permission || can(i.permission));
  return (
    <div className="shell">
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="shell-header">
        <a className="shell-brand" href="/">
          {t('app.name')}
          <small>{t('app.tagline')}</small>
        </a>
        <Button
          variant="secondary"
          data-size="sm"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('app.menu')}
        </Button>
        <InboxLink />
        <Button variant="tertiary" data-size="sm" onClick={switchLanguage} lang={other}>
          {other === 'en' ? t('app.switchToEnglish') : t('app.switchToNorwegian')}
        </Button>
        <span>{t('app.loggedInAs', { name: user?.displayName ?? '' })}</span>
        <NavLink to="/min-konto" className="shell-account">
          {t('account.link')}
        </NavLink>
        <Button variant="secondary" data-size="sm" onClick={() => void logout()}>
          {t('app.logout')}
        </Button>
      </header>
      <div className="shell-body">
        <nav id="main-nav" className="shell-nav" aria-label={t('app.menu')} data-open={menuOpen}>
          <h2>{t('nav.groupDaily')}</h2>
          <NavList items={dailyNav} onNavigate={() => setMenuOpen(false)} />
          {hasAdmin && <h2>{t('nav.groupAdmin')}</h2>}
          <NavList items={adminNav} onNavigate={() => setMenuOpen(false)} />
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
