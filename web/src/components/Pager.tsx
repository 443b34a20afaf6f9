import { es } from '../i18n/es';

interface Props {
  page: number;
  perPage: number;
  total: number;
  onPage: (page: number) => void;
}

/** « Primera  Anterior  Página 1 de 3  Siguiente  Última » */
export function Pager({ page, perPage, total, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={es.pager.label}>
      <button type="button" class="btn btn--small" disabled={page <= 1} onClick={() => onPage(1)}>
        « {es.pager.first}
      </button>
      <button type="button" class="btn btn--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {es.pager.previous}
      </button>
      <span class="pager__status" aria-live="polite">
        {es.pager.status(page, pages)}
      </span>
      <button type="button" class="btn btn--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {es.pager.next}
      </button>
      <button type="button" class="btn btn--small" disabled={page >= pages} onClick={() => onPage(pages)}>
        {es.pager.last} »
      </button>
    </nav>
  );
}
