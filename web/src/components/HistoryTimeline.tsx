import type { HistoryEvent } from '../api/types';
import { es } from '../i18n/es';
import type { Catalog } from '../lib/catalog';
import { useCatalog } from '../lib/catalog';
import { formatDateTime } from '../lib/format';

// Which recorded fields are worth a line on the timeline, per kind of event (others: all).
const SHOWN: Record<string, string[]> = {
  'dossier.registered': [],
  'transfer.sent': ['to_unit_id', 'action', 'permission', 'folios_added', 'volumes_added', 'notes'],
  'transfer.received': ['custody_unit_id', 'folios'],
  'transfer.reverted': ['custody_unit_id', 'reason'],
  'attachment.uploaded': ['name', 'size', 'version'],
  'annotation.added': ['text'],
  'annotation.removed': ['text'],
  'delivery_note.created': ['code', 'to_unit_id'],
  'dossier.resolved': ['state'],
  'submission.submitted': ['number', 'files'],
  'submission.file_added': ['name', 'size'],
  'submission.observed': ['reason', 'deadline'],
  'submission.corrected': [],
  'submission.rejected': ['reason'],
  'submission.accepted': ['code'],
};

function show(c: Catalog | null, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return es.common.none;
  if (typeof v === 'boolean') return v ? es.common.yes : es.common.no;
  if (key.endsWith('unit_id') && typeof v === 'number') return c?.unitById.get(v)?.name ?? String(v);
  if (key === 'type_id' && typeof v === 'number') return c?.types.find((t) => t.id === v)?.name ?? String(v);
  if (key === 'state' && typeof v === 'string') return es.states[v] ?? es.transferStates[v] ?? es.submissions.state[v] ?? v;
  if (key === 'priority' && typeof v === 'string') return es.priority[v] ?? v;
  if (key === 'origin' && typeof v === 'string') return es.origin[v] ?? v;
  if ((key === 'permission' || key === 'custody_permission') && typeof v === 'string') return es.permissions[v] ?? v;
  if (key === 'action' && typeof v === 'string') return es.actions[v] ?? v;
  if (key === 'size' && typeof v === 'number') return es.attachments.bytes(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return [o.name, o.id_type, o.id_number].filter(Boolean).join(' · ');
    return JSON.stringify(v);
  }
  return String(v);
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function DetailLines({ event, catalog }: { event: HistoryEvent; catalog: Catalog | null }) {
  const before = asObject(event.details.before);
  const after = asObject(event.details.after);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const shown = SHOWN[event.action];
  const list = shown ? keys.filter((k) => shown.includes(k)) : keys;
  if (!list.length) return null;
  return (
    <ul class="timeline__details">
      {list.map((k) => {
        const label = es.history.fields[k] ?? k;
        const hasBefore = k in before && k in after;
        return (
          <li key={k}>
            <span class="timeline__field">{label}:</span>{' '}
            {hasBefore ? (
              <>
                <del>{show(catalog, k, before[k])}</del> → <ins>{show(catalog, k, after[k])}</ins>
              </>
            ) : (
              show(catalog, k, k in after ? after[k] : before[k])
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Every recorded event of the dossier, newest first. */
export function HistoryTimeline({ events }: { events: HistoryEvent[] }) {
  const catalog = useCatalog();
  const list = [...events].reverse();
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{es.history.title}</h2>
      {!list.length ? <p class="empty">{es.history.empty}</p> : null}
      <ol class="timeline" data-testid="history">
        {list.map((e) => (
          <li key={e.seq} class={`timeline__item timeline__item--${e.action.split('.')[0]}`}>
            <p class="timeline__head">
              <strong>{es.history.events[e.action] ?? e.action}</strong>
              <span class="muted">
                {' '}
                · <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {es.history.by(e.actor)}
              </span>
            </p>
            <DetailLines event={e} catalog={catalog} />
          </li>
        ))}
      </ol>
    </section>
  );
}
