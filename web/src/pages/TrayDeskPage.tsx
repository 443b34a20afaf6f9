import { DossierTable } from '../components/DossierTable';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { TrayUnitChooser, useTrayUnit } from '../components/TrayUnitChooser';
import { es } from '../i18n/es';
import { deskDossiers } from '../lib/deskDossiers';
import { usePageParam } from '../lib/paging';
import { can, useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const PER_PAGE = 50;

/** "En mi mesa": what the unit holds now, urgent first, then the oldest. */
export function TrayDeskPage() {
  const { me } = useSession();
  const unit = useTrayUnit();
  const [page, setPage] = usePageParam();
  const list = useAsync(() => (unit ? deskDossiers(unit) : Promise.resolve([])), [unit]);
  const all = list.data ?? [];
  const items = all.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  return (
    <>
      <PageHeader title={es.trays.deskTitle} intro={es.trays.deskIntro}>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {es.common.refresh}
        </button>
        {can.transfer(me) && all.length ? (
          <Link href="/pases-multiples" class="btn">
            {es.nav.bulk}
          </Link>
        ) : null}
      </PageHeader>
      <TrayUnitChooser />
      {!unit ? <p class="empty">{es.common.chooseUnit}</p> : null}
      {list.error ? <p class="notice notice--error">{list.error}</p> : null}
      {list.loading && !list.data ? <p role="status">{es.common.loadingList}</p> : null}
      {unit && list.data && !all.length ? <p class="empty">{es.trays.deskEmpty}</p> : null}
      {items.length ? <DossierTable items={items} caption={es.trays.deskTitle} /> : null}
      <Pager page={page} perPage={PER_PAGE} total={all.length} onPage={setPage} />
    </>
  );
}
