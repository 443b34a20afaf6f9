import { api } from '../api/client';
import type { Page, Transfer } from '../api/types';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { TrayUnitChooser, useTrayUnit } from '../components/TrayUnitChooser';
import { es } from '../i18n/es';
import { formatDateTime, formatDuration } from '../lib/format';
import { usePageParam } from '../lib/paging';
import { deliveryNoteUrl } from '../lib/receipt';
import { useAsync } from '../lib/useAsync';

const PER_PAGE = 100;

/** "Enviados": what the unit sent and nobody has received yet, and who has to receive it. */
export function TraySentPage() {
  const unit = useTrayUnit();
  const [page, setPage] = usePageParam();
  const list = useAsync(
    () =>
      unit
        ? api.get<Page<Transfer>>('/api/v1/outbox', { unit, page, per_page: PER_PAGE })
        : Promise.resolve({ items: [], total: 0 } as Page<Transfer>),
    [unit, page],
  );
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={es.trays.sentTitle} intro={es.trays.sentIntro}>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {es.common.refresh}
        </button>
      </PageHeader>
      <TrayUnitChooser />
      {!unit ? <p class="empty">{es.common.chooseUnit}</p> : null}
      {list.error ? <p class="notice notice--error">{list.error}</p> : null}
      {list.loading && !list.data ? <p role="status">{es.common.loadingList}</p> : null}
      {unit && list.data && !items.length ? <p class="empty">{es.trays.sentEmpty}</p> : null}
      {items.length ? (
        <div class="table-wrap">
          <table class="table table--cards" data-testid="outbox">
            <thead>
              <tr>
                <th scope="col">{es.columns.code}</th>
                <th scope="col">{es.columns.summary}</th>
                <th scope="col">{es.columns.to}</th>
                <th scope="col">{es.columns.action}</th>
                <th scope="col">{es.columns.sentAt}</th>
                <th scope="col">{es.columns.waiting}</th>
                <th scope="col">{es.transfers.deliveryNote}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id}>
                  <td data-label={es.columns.code} class="col-code">
                    <Link href={`/expedientes/${t.dossier_id}`}>{t.dossier_code}</Link>
                  </td>
                  <td data-label={es.columns.summary} class="col-summary">
                    {t.dossier_summary}
                  </td>
                  <td data-label={es.columns.to}>
                    <strong>{t.to_unit.name}</strong>
                  </td>
                  <td data-label={es.columns.action}>{es.actions[t.action] ?? t.action}</td>
                  <td data-label={es.columns.sentAt}>
                    {formatDateTime(t.sent_at)}
                    <span class="muted"> · {t.sent_by_name}</span>
                  </td>
                  <td data-label={es.columns.waiting}>{formatDuration(t.waiting_seconds ?? 0)}</td>
                  <td data-label={es.transfers.deliveryNote}>
                    {t.delivery_note_id ? (
                      <a href={deliveryNoteUrl(t.delivery_note_id)} target="_blank" rel="noopener">
                        {es.transfers.notePdf}
                      </a>
                    ) : (
                      es.common.none
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pager page={page} perPage={PER_PAGE} total={list.data.total} onPage={setPage} /> : null}
    </>
  );
}
