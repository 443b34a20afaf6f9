import { api } from '../api/client';
import type { Dossier, Page } from '../api/types';
import { DossierTable } from '../components/DossierTable';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { TrayUnitChooser, useTrayUnit } from '../components/TrayUnitChooser';
import { es } from '../i18n/es';
import { usePageParam } from '../lib/paging';
import { useAsync } from '../lib/useAsync';

const PER_PAGE = 50;

/** "Archivados": archived dossiers the unit holds. */
export function TrayArchivedPage() {
  const unit = useTrayUnit();
  const [page, setPage] = usePageParam();
  const list = useAsync(
    () =>
      unit
        ? api.get<Page<Dossier>>('/api/v1/dossiers', { unit, state: 'archived', page, per_page: PER_PAGE })
        : Promise.resolve({ items: [], total: 0 } as Page<Dossier>),
    [unit, page],
  );
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={es.trays.archivedTitle} intro={es.trays.archivedIntro}>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {es.common.refresh}
        </button>
      </PageHeader>
      <TrayUnitChooser />
      {!unit ? <p class="empty">{es.common.chooseUnit}</p> : null}
      {list.error ? <p class="notice notice--error">{list.error}</p> : null}
      {list.loading && !list.data ? <p role="status">{es.common.loadingList}</p> : null}
      {unit && list.data && !items.length ? <p class="empty">{es.trays.archivedEmpty}</p> : null}
      {items.length ? <DossierTable items={items} caption={es.trays.archivedTitle} /> : null}
      {list.data ? <Pager page={page} perPage={PER_PAGE} total={list.data.total} onPage={setPage} /> : null}
    </>
  );
}
