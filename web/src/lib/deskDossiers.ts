// "En mi mesa": dossiers held by a unit, not in transit, neither archived nor annulled, urgent
// first and then the longest in custody (the server filters and sorts; up to 500).
import { api } from '../api/client';
import type { Dossier, Page } from '../api/types';

const OPEN_STATES = 'registered,in_process,observed,resolved';

export async function deskDossiers(unit: number): Promise<Dossier[]> {
  const res = await api.get<Page<Dossier>>('/api/v1/dossiers', {
    unit,
    state: OPEN_STATES,
    in_transit: false,
    sort: 'priority',
    per_page: 500,
  });
  return res.items;
}
