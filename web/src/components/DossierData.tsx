import type { Dossier } from '../api/types';
import { es } from '../i18n/es';
import { formatDateTime } from '../lib/format';

/** The dossier's fields as a description list (SIGEXP's "detalle del expediente"). */
export function DossierData({ dossier: d }: { dossier: Dossier }) {
  const rows: [string, string | null | undefined][] = [
    [es.dossier.code, d.code],
    [es.dossier.type, d.type.name],
    [es.dossier.origin, es.origin[d.origin]],
    [es.dossier.character, d.reserved ? es.character.reserved : es.character.public],
    [es.dossier.priority, es.priority[d.priority]],
    [es.dossier.instrument, d.instrument_number],
    [es.dossier.folios, String(d.folios)],
    [es.dossier.volumes, String(d.volumes)],
    [es.dossier.registeredAt, formatDateTime(d.created_at)],
    [es.dossier.registeredUnit, d.registered_unit.name],
    [es.dossier.desk, d.desk_unit.name],
    [es.dossier.organization, d.organization.name],
  ];
  const a = d.applicant;
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">{es.dossier.data}</h2>
      <dl class="data-list">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v || es.common.none}</dd>
          </div>
        ))}
        {a ? (
          <>
            <div class="data-list__wide">
              <dt>{es.dossier.applicant}</dt>
              <dd>
                <strong>{a.name}</strong>
                <br />
                {es.idTypes[a.id_type] ?? a.id_type} {a.id_number}
                {a.email || a.phone ? (
                  <>
                    <br />
                    {[a.email, a.phone].filter(Boolean).join(' · ')}
                  </>
                ) : null}
                {a.address ? (
                  <>
                    <br />
                    {a.address}
                  </>
                ) : null}
              </dd>
            </div>
          </>
        ) : null}
        {d.pin ? (
          <div class="data-list__wide">
            <dt>{es.dossier.tracking}</dt>
            <dd>
              {es.dossier.pin}: <strong class="mono">{d.pin}</strong>
              {d.tracking_token ? (
                <>
                  {' · '}
                  <a href={`/t/${d.tracking_token}`} target="_blank" rel="noopener">
                    {es.dossier.trackingLink}
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
