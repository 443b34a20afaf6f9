import { es } from '../i18n/es';
import { useSession } from '../lib/session';
import { Link } from './Link';

interface Props {
  menuOpen: boolean;
  onToggleMenu: () => void;
  onShortcuts: () => void;
}

/** The top bar: the user's name, profile, unit and organisation, always in view. */
export function AppHeader({ menuOpen, onToggleMenu, onShortcuts }: Props) {
  const { me, logout } = useSession();
  return (
    <header class="topbar">
      <button
        type="button"
        class="topbar__menu"
        aria-expanded={menuOpen ? 'true' : 'false'}
        aria-controls="main-nav"
        onClick={onToggleMenu}
      >
        <span class="hamburger" aria-hidden="true" />
        {es.app.menu}
      </button>
      <Link href="/" class="topbar__brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>
          <strong>{es.app.name}</strong>
          <span class="topbar__fullname">{es.app.fullName}</span>
        </span>
      </Link>
      <dl class="topbar__who" data-testid="who">
        <div>
          <dt class="sr-only">{es.header.user}</dt>
          <dd class="topbar__name">{me.user.name}</dd>
        </div>
        <div>
          <dt class="sr-only">{es.header.profile}</dt>
          <dd class="topbar__profile">{es.profiles[me.user.profile] ?? me.user.profile}</dd>
        </div>
        <div class="topbar__place">
          <dt class="sr-only">{es.header.unit}</dt>
          <dd>{me.unit?.name ?? es.header.noUnit}</dd>
          {me.organization ? (
            <>
              <dt class="sr-only">{es.header.organization}</dt>
              <dd class="topbar__org">{me.organization.name}</dd>
            </>
          ) : null}
        </div>
      </dl>
      <div class="topbar__buttons">
        <button type="button" class="btn btn--ghost topbar__help" onClick={onShortcuts} title={es.header.shortcuts}>
          <span aria-hidden="true">⌨</span>
          <span class="sr-only">{es.header.shortcuts}</span>
        </button>
        <button type="button" class="btn btn--ghost" onClick={logout}>
          {es.header.logout}
        </button>
      </div>
    </header>
  );
}
