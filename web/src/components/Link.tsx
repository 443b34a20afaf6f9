import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../lib/router';

interface Props {
  href: string;
  class?: string;
  'aria-label'?: string;
  'aria-current'?: 'page' | undefined;
  'aria-keyshortcuts'?: string | undefined;
  onClickCapture?: () => void;
  children: ComponentChildren;
}

/** An <a> that navigates inside the application on a plain click. */
export function Link({ href, children, ...rest }: Props) {
  return (
    <a href={href} onClick={(e) => onLinkClick(e as unknown as MouseEvent, href)} {...rest}>
      {children}
    </a>
  );
}
