import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app.css';
import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { I18nProvider } from './i18n-context.tsx';
import { SessionProvider, useSession } from './session-context.tsx';
import { LoginPage } from '../auth/ui/LoginPage.tsx';
import { Loading } from './Feedback.tsx';
import { routes } from './routes.tsx';
import { getEarly } from './api.ts';

// The Content-Security-Policy forbids eval; without this, zod probes for it with Function('') and
// the browser reports a CSP violation (zod then parses without its compiled fast path anyway).
z.config({ jitless: true });

const router = createBrowserRouter(routes);

// Every page starts by asking who is logged in; ask before React has rendered anything. The board is
// the staff's home page: its code and its data load alongside, not one after the other once the
// session is known (issue #9: the board interactive within 1 s).
getEarly('/api/auth/me');
if (window.location.pathname === '/') {
  void import('../../features/stays/ui/BoardPage.tsx');
  getEarly('/api/board');
}

function Root() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
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
