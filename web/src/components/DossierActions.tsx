import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client';
import type { Dossier } from '../api/types';
import { es } from '../i18n/es';
import { refreshInboxCount } from '../lib/inboxCount';
import { flash } from '../lib/notices';
import { receiptUrl } from '../lib/receipt';
import { can, useSession } from '../lib/session';
import { ConfirmDialog } from './ConfirmDialog';
import { Link } from './Link';

type Confirmable = 'resolve' | 'archive' | 'unarchive' | 'request_annulment' | 'annul';

const CONFIRM: Record<Confirmable, { path: string; message: string; reason: boolean; danger: boolean }> = {
  resolve: { path: 'resolve', message: es.dossierActions.resolveConfirm, reason: false, danger: false },
  archive: { path: 'archive', message: es.dossierActions.archiveConfirm, reason: false, danger: false },
  unarchive: { path: 'unarchive', message: es.dossierActions.unarchiveConfirm, reason: false, danger: false },
  request_annulment: {
    path: 'annulment-request',
    message: es.dossierActions.requestAnnulmentConfirm,
    reason: true,
    danger: false,
  },
  annul: { path: 'annul', message: es.dossierActions.annulConfirm, reason: true, danger: true },
};

interface Props {
  dossier: Dossier;
  onChanged: () => Promise<void>;
}

/** The buttons for what this user may do to this dossier now: `allowed_actions`, nothing more. */
export function DossierActions({ dossier, onChanged }: Props) {
  const { me } = useSession();
  const [confirm, setConfirm] = useState<Confirmable | null>(null);
  const [busy, setBusy] = useState(false);
  // Plain strings: the server may offer actions newer than the generated types (e.g. resolve).
  const allowed = new Set<string>(dossier.allowed_actions);

  const receive = async () => {
    if (!dossier.pending_transfer) return;
    setBusy(true);
    try {
      await api.post(`/api/v1/transfers/${dossier.pending_transfer.id}/receive`);
      flash(es.dossierActions.done.receive ?? '');
      void refreshInboxCount();
      await onChanged();
    } catch (e) {
      flash(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const showReceipt = Boolean(dossier.tracking_token) && can.printReceipt(me);
  const buttons = [
    allowed.has('receive') ? (
      <button key="receive" type="button" class="btn btn--primary" disabled={busy} onClick={receive}>
        {es.dossierActions.receive}
      </button>
    ) : null,
    allowed.has('transfer') ? (
      <Link key="transfer" href={`/expedientes/${dossier.id}/pase`} class="btn btn--primary">
        {es.dossierActions.transfer}
      </Link>
    ) : null,
    allowed.has('edit') ? (
      <Link key="edit" href={`/expedientes/${dossier.id}/editar`} class="btn">
        {es.dossierActions.edit}
      </Link>
    ) : null,
    ...(['resolve', 'archive', 'unarchive', 'request_annulment', 'annul'] as const).map((a) =>
      allowed.has(a) ? (
        <button key={a} type="button" class={`btn${a === 'annul' ? ' btn--danger' : ''}`} onClick={() => setConfirm(a)}>
          {es.dossierActions[a]}
        </button>
      ) : null,
    ),
  ].filter(Boolean);

  return (
    <section class="actions-bar" aria-labelledby="actions-title">
      <h2 id="actions-title" class="sr-only">
        {es.dossier.actionsTitle}
      </h2>
      <div class="actions-bar__buttons" data-testid="dossier-actions">
        {buttons}
        {showReceipt ? (
          <a class="btn" href={receiptUrl(dossier.id)} target="_blank" rel="noopener">
            {es.dossier.receipt}
          </a>
        ) : null}
      </div>
      {!buttons.length ? <p class="muted">{es.dossier.noActions}</p> : null}
      {confirm ? (
        <ConfirmDialog
          title={es.dossierActions[confirm]}
          message={CONFIRM[confirm].message}
          confirmLabel={es.dossierActions[confirm]}
          withReason={CONFIRM[confirm].reason}
          danger={CONFIRM[confirm].danger}
          onClose={() => setConfirm(null)}
          onConfirm={async (reason) => {
            await api.post(`/api/v1/dossiers/${dossier.id}/${CONFIRM[confirm].path}`, reason ? { reason } : {});
            flash(es.dossierActions.done[confirm] ?? '');
            await onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
