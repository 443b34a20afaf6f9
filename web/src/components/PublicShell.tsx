import type { ComponentChildren } from 'preact';
import { es } from '../i18n/es';

/**
 * The frame of the citizen's pages: no account, no staff menu. A plain header with the
 * service's name, the page, and a footer; one column that reads well on a phone.
 */
export function PublicShell({ children }: { children: ComponentChildren }) {
  return (
    <>
      <a href="#main" class="skip-link">
        {es.app.skipToContent}
      </a>
      <header class="pubbar" data-testid="public-header">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <div>
          <p class="pubbar__name">{es.citizen.brand}</p>
          <p class="pubbar__detail">{es.citizen.brandDetail}</p>
        </div>
      </header>
      <main id="main" class="pubmain" tabIndex={-1}>
        {children}
      </main>
      <footer class="pubfoot">
        <p>{es.citizen.footer}</p>
      </footer>
    </>
  );
}
