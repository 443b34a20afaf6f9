import type { Dossier } from '../api/types';
import { es } from '../i18n/es';
import { formatDateTime, formatDuration, secondsSince } from '../lib/format';

/** Who has the dossier and since when; where it is going, if in transit. */
export function CustodyLine({ dossier: d }: { dossier: Dossier }) {
  return (
    <div class="custody" data-testid="custody">
      <p>
        <span class="custody__label">{es.dossier.custody}: </span>
        <strong>{d.custody_unit.name}</strong>
        <span>
          {' '}
          · {formatDateTime(d.custody_since)} ({formatDuration(secondsSince(d.custody_since))})
        </span>
        <span class="muted"> · {es.dossier.custodyPermission(es.permissions[d.custody_permission] ?? d.custody_permission)}</span>
      </p>
      {d.pending_transfer ? (
        <p class="custody__transit">
          {es.dossier.inTransitTo(d.pending_transfer.to_unit.name, formatDateTime(d.pending_transfer.sent_at))}
          {' · '}
          {es.actions[d.pending_transfer.action] ?? d.pending_transfer.action}
        </p>
      ) : null}
      {d.annulment_request && !d.annulment ? (
        <p class="custody__warn">{es.dossier.annulmentRequested(formatDateTime(d.annulment_request.at), d.annulment_request.reason ?? '')}</p>
      ) : null}
      {d.annulment ? <p class="custody__warn">{es.dossier.annulled(formatDateTime(d.annulment.at), d.annulment.reason ?? '')}</p> : null}
    </div>
  );
}
