import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Transfer } from '../api/types';
import { es } from '../i18n/es';
import { formatDateTime } from '../lib/format';
import { refreshInboxCount } from '../lib/inboxCount';
import { flash } from '../lib/notices';
import { deliveryNoteUrl } from '../lib/receipt';
import { can, useSession } from '../lib/session';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  transfers: Transfer[];
  onChanged: () => Promise<void>;
}

/** The dossier's transfers; ADMIN may revert the last one (pending or received). */
export function TransferList({ transfers, onChanged }: Props) {
  const { me } = useSession();
  const [reverting, setReverting] = useState<Transfer | null>(null);
  const live = transfers.filter((t) => t.state !== 'reverted');
  const last = live.reduce<Transfer | null>((a, t) => (!a || t.id > a.id ? t : a), null);
  const list = [...transfers].sort((a, b) => b.id - a.id);
  return (
    <section class="card" aria-labelledby="transfers-title">
      <h2 id="transfers-title">{es.transfers.title}</h2>
      {!list.length ? <p class="empty">{es.transfers.empty}</p> : null}
      {list.length ? (
        <div class="table-wrap">
          <table class="table table--cards table--compact" data-testid="transfers">
            <thead>
              <tr>
                <th scope="col">{es.transfers.sent}</th>
                <th scope="col">{es.transfers.from}</th>
                <th scope="col">{es.transfers.to}</th>
                <th scope="col">{es.columns.action}</th>
                <th scope="col">{es.columns.state}</th>
                {can.administer(me) ? <th scope="col">{es.common.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((t) => (
                <tr key={t.id} class={t.state === 'reverted' ? 'row--muted' : undefined}>
                  <td data-label={es.transfers.sent}>
                    <span class="nowrap">{formatDateTime(t.sent_at)}</span>
                    <span class="muted block">{es.transfers.sentBy(t.sent_by_name)}</span>
                  </td>
                  <td data-label={es.transfers.from}>{t.from_unit.name}</td>
                  <td data-label={es.transfers.to}>
                    <strong>{t.to_unit.name}</strong>
                    {t.notes ? <span class="muted block">{t.notes}</span> : null}
                  </td>
                  <td data-label={es.columns.action}>
                    {es.actions[t.action] ?? t.action}
                    <span class="muted block">
                      {es.permissions[t.permission]}
                      {t.folios_added ? ` · +${t.folios_added} ${es.columns.folios.toLowerCase()}` : ''}
                    </span>
                  </td>
                  <td data-label={es.columns.state}>
                    <span class={`badge badge--t-${t.state}`}>{es.transferStates[t.state] ?? t.state}</span>
                    {t.received_at ? <span class="muted block nowrap">{formatDateTime(t.received_at)}</span> : null}
                    {t.delivery_note_id ? (
                      <a class="block" href={deliveryNoteUrl(t.delivery_note_id)} target="_blank" rel="noopener">
                        {es.transfers.notePdf}
                      </a>
                    ) : null}
                  </td>
                  {can.administer(me) ? (
                    <td data-label={es.common.actions}>
                      {last && t.id === last.id ? (
                        <button type="button" class="btn btn--small btn--danger" onClick={() => setReverting(t)}>
                          {es.transfers.revert}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {reverting ? (
        <ConfirmDialog
          title={es.transfers.revert}
          message={es.transfers.revertConfirm}
          confirmLabel={es.transfers.revert}
          withReason
          danger
          onClose={() => setReverting(null)}
          onConfirm={async (reason) => {
            await api.post(`/api/v1/transfers/${reverting.id}/revert`, reason ? { reason } : {});
            flash(es.dossierActions.done.revert ?? '');
            void refreshInboxCount();
            await onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
