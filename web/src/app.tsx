// The application shell: who is signed in, the routes, the keyboard shortcuts and the layout
// (top bar, side menu, notices, page).
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, csrfToken, setCsrfToken, setUnauthorizedHandler } from './api/client';
import type { Me } from './api/types';
import { AppHeader } from './components/AppHeader';
import { NavBar } from './components/NavBar';
import { Notices } from './components/Notices';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { es } from './i18n/es';
import { clearCatalog } from './lib/catalog';
import { clearNotices, pruneNotices } from './lib/notices';
import { match, navigate, useLocation } from './lib/router';
import { can, SessionContext } from './lib/session';
import { isTypingTarget, NAV_SHORTCUTS, submitFromTextarea } from './lib/shortcuts';
import { AdminTypesPage } from './pages/AdminTypesPage';
import { AdminUnitsPage } from './pages/AdminUnitsPage';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { BulkTransferPage } from './pages/BulkTransferPage';
import { DossierPage } from './pages/DossierPage';
import { EditDossierPage } from './pages/EditDossierPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SearchPage } from './pages/SearchPage';
import { TransferPage } from './pages/TransferPage';
import { TrayArchivedPage } from './pages/TrayArchivedPage';
import { TrayDeskPage } from './pages/TrayDeskPage';
import { TrayPendingPage } from './pages/TrayPendingPage';
import { TraySentPage } from './pages/TraySentPage';
import { TraySubmissionsPage } from './pages/TraySubmissionsPage';

type Status = { kind: 'loading' } | { kind: 'anon'; reason: string | null } | { kind: 'authed'; me: Me };

function homeFor(me: Me): string {
  if (me.user.profile === 'ADMIN' || me.user.profile === 'AUTHORITY') return '/consulta';
  if (me.user.profile === 'DESK' || me.user.profile === 'OFFICE') return '/bandeja/por-recibir';
  return '/bandeja/en-mi-mesa';
}

function route(path: string, me: Me): ComponentChildren {
  const p = (pattern: string) => match(pattern, path);
  let m: Record<string, string> | null;
  if (path === '/' || path === '/ingresar') return <Redirect to={homeFor(me)} />;
  if (p('/bandeja/por-recibir')) return <TrayPendingPage />;
  if (p('/bandeja/en-mi-mesa')) return <TrayDeskPage />;
  if (p('/bandeja/enviados')) return <TraySentPage />;
  if (p('/bandeja/archivados')) return <TrayArchivedPage />;
  if (p('/bandeja/mesa-virtual') && can.handleSubmissions(me)) return <TraySubmissionsPage />;
  if (p('/registrar')) return <RegisterPage />;
  if (p('/pases-multiples')) return <BulkTransferPage />;
  if (p('/consulta')) return <SearchPage global={false} />;
  if (p('/consulta-global')) return <SearchPage global={true} />;
  if ((m = p('/expedientes/:id'))) return <DossierPage id={Number(m.id)} />;
  if ((m = p('/expedientes/:id/pase'))) return <TransferPage id={Number(m.id)} />;
  if ((m = p('/expedientes/:id/editar'))) return <EditDossierPage id={Number(m.id)} />;
  if (can.administer(me)) {
    if (p('/admin')) return <Redirect to="/admin/usuarios" />;
    if (p('/admin/usuarios')) return <AdminUsersPage />;
    if (p('/admin/unidades')) return <AdminUnitsPage />;
    if (p('/admin/tipos')) return <AdminTypesPage />;
  }
  return <NotFoundPage />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

export function App() {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [menuOpen, setMenuOpen] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const loc = useLocation();

  useEffect(() => {
    // A new tab has the session cookie but not the CSRF token (kept per tab in
    // sessionStorage), so it cannot change anything: ask to log in again, and say why.
    const hadCsrf = Boolean(csrfToken());
    api.get<Me>('/api/v1/me').then(
      (me) => setStatus(hadCsrf ? { kind: 'authed', me } : { kind: 'anon', reason: es.errors.noCsrf }),
      () => setStatus({ kind: 'anon', reason: null }),
    );
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      clearCatalog();
      setStatus((old) => (old.kind === 'authed' ? { kind: 'anon', reason: es.errors.sessionExpired } : old));
    });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.del('/api/v1/session');
    } catch {
      // Gone already: the cookie is cleared either way.
    }
    setCsrfToken(null);
    clearCatalog();
    clearNotices();
    setStatus({ kind: 'anon', reason: null });
    navigate('/', true);
  }, []);

  // Shortcuts: Alt + letter anywhere, "?" outside text fields, Ctrl+Enter in a textarea.
  useEffect(() => {
    if (status.kind !== 'authed') return;
    const onKey = (e: KeyboardEvent) => {
      if (submitFromTextarea(e)) return;
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        const to = NAV_SHORTCUTS[e.code];
        if (to) {
          e.preventDefault();
          setShortcuts(false);
          navigate(to);
        }
        return;
      }
      if (e.key === '?' && !e.ctrlKey && !e.altKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        setShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status.kind]);

  // After each navigation: close the phone menu and put focus on the page title, unless the
  // page already put it in a field (the registration form does).
  useEffect(() => {
    setMenuOpen(false);
    pruneNotices();
    const t = setTimeout(() => {
      const active = document.activeElement;
      const main = document.getElementById('main');
      if (main && active && main.contains(active) && active !== main) return;
      document.getElementById('main-title')?.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [loc.path]);

  if (status.kind === 'loading') {
    return (
      <p class="boot" role="status">
        {es.app.loading}
      </p>
    );
  }
  if (status.kind === 'anon') {
    return (
      <LoginPage
        reason={status.reason}
        onLogin={(me) => {
          setStatus({ kind: 'authed', me });
          if (loc.path === '/' || loc.path === '/ingresar') navigate(homeFor(me), true);
        }}
      />
    );
  }
  const me = status.me;
  return (
    <SessionContext.Provider value={{ me, logout }}>
      <a href="#main" class="skip-link">
        {es.app.skipToContent}
      </a>
      <AppHeader menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((o) => !o)} onShortcuts={() => setShortcuts(true)} />
      <div class="shell">
        <NavBar path={loc.path} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="main" class="main" tabIndex={-1}>
          <Notices />
          {route(loc.path, me)}
        </main>
      </div>
      {shortcuts ? <ShortcutsDialog onClose={() => setShortcuts(false)} /> : null}
    </SessionContext.Provider>
  );
}
