import { es } from '../i18n/es';
import { useInboxCount } from '../lib/inboxCount';
import { useSubmissionCount } from '../lib/submissionCount';
import { can, useSession } from '../lib/session';
import { Link } from './Link';

interface Props {
  path: string;
  open: boolean;
  onNavigate: () => void;
}

interface Item {
  href: string;
  label: string;
  key?: string;
  badge?: number | null;
  badgeLabel?: (n: number) => string;
}

/** The menu: trays, registration, transfers, search and administration, as the profile allows. */
export function NavBar({ path, open, onNavigate }: Props) {
  const { me } = useSession();
  const count = useInboxCount(me.unit !== null);
  // The server says who works at the main desk; the profile alone does not tell.
  const handlesSubmissions = me.handles_submissions === true;
  const submissions = useSubmissionCount(handlesSubmissions);
  const groups: { title: string; items: Item[] }[] = [
    {
      title: es.nav.trays,
      items: [
        { href: '/bandeja/por-recibir', label: es.nav.pending, key: 'Alt+R', badge: count, badgeLabel: es.nav.pendingCount },
        { href: '/bandeja/en-mi-mesa', label: es.nav.desk, key: 'Alt+M' },
        { href: '/bandeja/enviados', label: es.nav.sent, key: 'Alt+V' },
        { href: '/bandeja/archivados', label: es.nav.archived },
        ...(handlesSubmissions
          ? [{ href: '/bandeja/mesa-virtual', label: es.nav.virtualDesk, badge: submissions, badgeLabel: es.nav.virtualDeskCount }]
          : []),
      ],
    },
    {
      title: es.nav.dossiers,
      items: [
        ...(can.register(me) ? [{ href: '/registrar', label: es.nav.register, key: 'Alt+N' }] : []),
        ...(can.transfer(me) ? [{ href: '/pases-multiples', label: es.nav.bulk, key: 'Alt+P' }] : []),
        { href: '/consulta', label: es.nav.search, key: 'Alt+B' },
        ...(can.globalSearch(me) ? [{ href: '/consulta-global', label: es.nav.globalSearch }] : []),
      ],
    },
  ];
  if (can.administer(me)) {
    groups.push({
      title: es.nav.admin,
      items: [
        { href: '/admin/usuarios', label: es.nav.users },
        { href: '/admin/unidades', label: es.nav.units },
        { href: '/admin/tipos', label: es.nav.types },
      ],
    });
  }
  return (
    <nav id="main-nav" class={`sidenav${open ? ' sidenav--open' : ''}`} aria-label={es.app.mainNav}>
      {groups.map((g) => (
        <div class="sidenav__group" key={g.title}>
          <h2 class="sidenav__title">{g.title}</h2>
          <ul>
            {g.items.map((it) => {
              const current = path === it.href || path.startsWith(`${it.href}/`);
              return (
                <li key={it.href}>
                  <Link
                    href={it.href}
                    class={`sidenav__link${current ? ' sidenav__link--current' : ''}`}
                    aria-current={current ? 'page' : undefined}
                    aria-keyshortcuts={it.key}
                    onClickCapture={onNavigate}
                  >
                    <span>{it.label}</span>
                    {it.badge ? (
                      <span class="count" aria-label={(it.badgeLabel ?? es.nav.pendingCount)(it.badge)}>
                        {it.badge}
                      </span>
                    ) : null}
                    {it.key ? <kbd class="sidenav__key" aria-hidden="true">{it.key}</kbd> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
