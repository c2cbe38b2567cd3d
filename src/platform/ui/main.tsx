import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app.css';
import { StrictMode, useEffect, useState } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { I18nProvider } from './i18n-context.tsx';
import { SessionProvider, useSession } from './session-context.tsx';
import { LoginPage } from '../auth/ui/LoginPage.tsx';
import { Loading } from './Feedback.tsx';
import { preloadHomePage, routes } from './routes.tsx';
import { getEarly } from './api.ts';

// The Content-Security-Policy forbids eval; without this, zod probes for it with Function('') and
// the browser reports a CSP violation (zod then parses without its compiled fast path anyway).
z.config({ jitless: true });

const router = createBrowserRouter(routes);

// Every page starts by asking who is logged in; ask before React has rendered anything. The board is
// the staff's home page: its code and its data load alongside, not one after the other once the
// session is known (issue #9: the board interactive within 1 s). /early.js (index.html) sent both
// requests before this script had even loaded; getEarly takes their answers over.
getEarly('/api/auth/me');
const homePage =
  window.location.pathname === '/'
    ? (getEarly('/api/board'), preloadHomePage().then(() => undefined, () => undefined))
    : Promise.resolve();

function Root() {
  const { user, loading } = useSession();
  // On '/', the router's first render waits for the board's code too, so the board does not suspend
  // (routes.tsx, page): one loading indicator, then the board.
  const [homeReady, setHomeReady] = useState(false);
  useEffect(() => void homePage.then(() => setHomeReady(true)), []);
  if (loading || (user && !homeReady)) return <Loading />;
  if (!user) return <LoginPage />;
  return <RouterProvider router={router} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
