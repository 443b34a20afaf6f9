import type { Dossier } from '../api/types';
import { es } from '../i18n/es';
import { formatDate, formatDateTime, formatDuration, secondsSince } from '../lib/format';
import { Link } from './Link';
import { StateBadges } from './StateBadges';

/** A dossier outside the caller's route, as a global search shows it (no detail to open). */
export function isLimited(d: Dossier): boolean {
  return !('instrument_number' in d);
}

interface Props {
  items: Dossier[];
  /** Show the custody unit column (search); trays of one unit leave it out. */
  showCustody?: boolean;
  /** Selection (bulk transfer): ids chosen and how to toggle them. */
  selected?: Set<number>;
  onToggle?: (id: number) => void;
  onToggleAll?: (all: boolean) => void;
  caption?: string;
}

/** The list of dossiers used by trays, search and bulk transfer; stacks as cards on phones. */
export function DossierTable({ items, showCustody, selected, onToggle, onToggleAll, caption }: Props) {
  const selectable = selected !== undefined && onToggle !== undefined;
  const allChecked = selectable && items.length > 0 && items.every((d) => selected.has(d.id));
  return (
    <div class="table-wrap">
      <table class="table table--cards">
        {caption ? <caption class="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" class="col-check">
                <input
                  type="checkbox"
                  aria-label={es.common.selectAll}
                  checked={allChecked}
                  onChange={(e) => onToggleAll?.(e.currentTarget.checked)}
                />
              </th>
            ) : null}
            <th scope="col">{es.columns.code}</th>
            <th scope="col">{es.columns.type}</th>
            <th scope="col">{es.columns.summary}</th>
            <th scope="col">{es.columns.applicant}</th>
            <th scope="col">{es.columns.state}</th>
            {showCustody ? <th scope="col">{es.columns.custody}</th> : <th scope="col">{es.columns.since}</th>}
            <th scope="col">{es.columns.registered}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} class={selectable && selected.has(d.id) ? 'row--selected' : undefined}>
              {selectable ? (
                <td class="col-check">
                  <input
                    type="checkbox"
                    aria-label={es.common.selectRow(d.code)}
                    checked={selected.has(d.id)}
                    onChange={() => onToggle(d.id)}
                  />
                </td>
              ) : null}
              <td data-label={es.columns.code} class="col-code">
                {isLimited(d) ? (
                  <>
                    {d.code} <span class="tag tag--muted">{es.search.limited}</span>
                  </>
                ) : (
                  <Link href={`/expedientes/${d.id}`} aria-label={es.trays.openDossier(d.code)}>
                    {d.code}
                  </Link>
                )}
              </td>
              <td data-label={es.columns.type}>{d.type.name}</td>
              <td data-label={es.columns.summary} class="col-summary">
                {d.summary}
              </td>
              <td data-label={es.columns.applicant}>{d.applicant?.name ?? es.common.none}</td>
              <td data-label={es.columns.state}>
                <StateBadges dossier={d} />
              </td>
              {showCustody ? (
                <td data-label={es.columns.custody}>
                  {d.custody_unit.name}
                  <span class="muted block nowrap">{es.columns.sinceDate(formatDateTime(d.custody_since))}</span>
                </td>
              ) : (
                <td data-label={es.columns.since}>
                  <span class="nowrap">{formatDateTime(d.custody_since)}</span>
                  <span class="muted block">{formatDuration(secondsSince(d.custody_since))}</span>
                </td>
              )}
              <td data-label={es.columns.registered} class="nowrap">
                {formatDate(d.created_at)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
