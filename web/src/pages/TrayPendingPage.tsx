import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client';
import type { Page, Transfer } from '../api/types';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { TrayUnitChooser, useTrayUnit } from '../components/TrayUnitChooser';
import { es } from '../i18n/es';
import { formatDateTime, formatDuration } from '../lib/format';
import { refreshInboxCount } from '../lib/inboxCount';
import { flash } from '../lib/notices';
import { usePageParam } from '../lib/paging';
import { can, useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const PER_PAGE = 100;

/** "Por recibir" (SIGEXP's "Expedientes en mesa"): tick what arrived, receive it at once. */
export function TrayPendingPage() {
  const { me } = useSession();
  const unit = useTrayUnit();
  const [page, setPage] = usePageParam();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const list = useAsync(
    () => api.get<Page<Transfer>>('/api/v1/inbox', { unit, page, per_page: PER_PAGE }),
    [unit, page],
  );
  useEffect(() => setSelected(new Set()), [unit, page]);
  const items = list.data?.items ?? [];
  const mayReceive = can.receive(me);

  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const receive = async () => {
    if (!selected.size) return;
    setBusy(true);
    try {
      const res = await api.post<Page<Transfer>>('/api/v1/transfers/receive', { ids: [...selected] });
      flash(es.trays.received(res.items.length));
      setSelected(new Set());
      await list.reload();
      void refreshInboxCount();
    } catch (e) {
      flash(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const allChecked = items.length > 0 && items.every((t) => selected.has(t.id));
  return (
    <>
      <PageHeader title={es.trays.pendingTitle} intro={es.trays.pendingIntro}>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {es.common.refresh}
        </button>
        {mayReceive ? (
          <button type="button" class="btn btn--primary" disabled={!selected.size || busy} onClick={receive}>
            {busy ? es.trays.receiving : es.trays.receiveSelected(selected.size)}
          </button>
        ) : null}
      </PageHeader>
      <TrayUnitChooser />
      {list.error ? <p class="notice notice--error">{list.error}</p> : null}
      {list.loading && !list.data ? <p role="status">{es.common.loadingList}</p> : null}
      {list.data && !items.length ? <p class="empty">{es.trays.pendingEmpty}</p> : null}
      {items.length ? (
        <div class="table-wrap">
          <table class="table table--cards" data-testid="inbox">
            <thead>
              <tr>
                {mayReceive ? (
                  <th scope="col" class="col-check">
                    <input
                      type="checkbox"
                      aria-label={es.common.selectAll}
                      checked={allChecked}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((t) => t.id)) : new Set())}
                    />
                  </th>
                ) : null}
                <th scope="col">{es.columns.code}</th>
                <th scope="col">{es.columns.summary}</th>
                <th scope="col">{es.columns.from}</th>
                <th scope="col">{es.columns.action}</th>
                <th scope="col">{es.columns.permission}</th>
                <th scope="col">{es.columns.folios}</th>
                <th scope="col">{es.columns.sentAt}</th>
                <th scope="col">{es.columns.waiting}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id} class={selected.has(t.id) ? 'row--selected' : undefined}>
                  {mayReceive ? (
                    <td class="col-check">
                      <input
                        type="checkbox"
                        aria-label={es.common.selectRow(t.dossier_code)}
                        checked={selected.has(t.id)}
                        onChange={() => toggle(t.id)}
                      />
                    </td>
                  ) : null}
                  <td data-label={es.columns.code} class="col-code">
                    <Link href={`/expedientes/${t.dossier_id}`}>{t.dossier_code}</Link>
                  </td>
                  <td data-label={es.columns.summary} class="col-summary">
                    {t.dossier_summary}
                  </td>
                  <td data-label={es.columns.from}>
                    {t.from_unit.name}
                    <span class="muted"> · {t.sent_by_name}</span>
                  </td>
                  <td data-label={es.columns.action}>{es.actions[t.action] ?? t.action}</td>
                  <td data-label={es.columns.permission}>{es.permissions[t.permission]}</td>
                  <td data-label={es.columns.folios}>{t.folios_added ? `+${t.folios_added}` : es.common.none}</td>
                  <td data-label={es.columns.sentAt}>{formatDateTime(t.sent_at)}</td>
                  <td data-label={es.columns.waiting}>
                    <strong>{formatDuration(t.waiting_seconds ?? 0)}</strong>
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
