// The citizen's side of the application (no login, no staff shell): the virtual desk's form at
// /mesa-virtual and the correction of an observed submission at /mesa-virtual/subsanar/{token},
// the page the server-rendered tracking page (/t/{token}) links to.
import type { ComponentChildren } from 'preact';
import { PublicShell } from './components/PublicShell';
import { es } from './i18n/es';
import { match, useLocation } from './lib/router';
import { CorrectionPage } from './pages/CorrectionPage';
import { VirtualDeskPage } from './pages/VirtualDeskPage';

/** True for the paths this part of the application serves. */
export function isPublicPath(path: string): boolean {
  return path === '/mesa-virtual' || path.startsWith('/mesa-virtual/');
}

function route(path: string): ComponentChildren {
  let m: Record<string, string> | null;
  if (match('/mesa-virtual', path)) return <VirtualDeskPage />;
  if ((m = match('/mesa-virtual/subsanar/:token', path))) return <CorrectionPage token={m.token!} />;
  return (
    <header class="page-header">
      <h1 id="main-title" tabIndex={-1}>
        {es.errors.notFoundTitle}
      </h1>
      <p>
        <a href="/mesa-virtual">{es.citizen.title}</a>
      </p>
    </header>
  );
}

export function PublicApp() {
  const loc = useLocation();
  return <PublicShell>{route(loc.path)}</PublicShell>;
}
