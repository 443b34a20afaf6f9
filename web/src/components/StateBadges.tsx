import type { Dossier } from '../api/types';
import { es } from '../i18n/es';

interface Props {
  dossier: Pick<Dossier, 'state' | 'in_transit' | 'priority' | 'reserved'>;
  /** Also show the public/reserved and priority marks. */
  marks?: boolean;
}

/** The dossier's state as a coloured badge, plus "En tránsito", "Urgente", "Reservado". */
export function StateBadges({ dossier, marks = true }: Props) {
  return (
    <span class="badges">
      <span class={`badge badge--${dossier.state}`}>{es.states[dossier.state] ?? dossier.state}</span>
      {dossier.in_transit ? <span class="badge badge--transit">{es.dossier.inTransit}</span> : null}
      {marks && dossier.priority === 'urgent' ? <span class="badge badge--urgent">{es.priority.urgent}</span> : null}
      {marks && dossier.reserved ? <span class="badge badge--reserved">{es.character.reserved}</span> : null}
    </span>
  );
}
