import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { es } from '../i18n/es';

interface Props {
  title: string;
  intro?: string | undefined;
  children?: ComponentChildren;
}

/** The page's <h1> (focused after each navigation) and the browser tab's title. */
export function PageHeader({ title, intro, children }: Props) {
  useEffect(() => {
    document.title = es.app.title(title);
  }, [title]);
  return (
    <header class="page-header">
      <div class="page-header__text">
        <h1 id="main-title" tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p class="page-header__intro">{intro}</p> : null}
      </div>
      {children ? <div class="page-header__actions">{children}</div> : null}
    </header>
  );
}
