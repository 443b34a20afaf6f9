// "En mi mesa": dossiers held by a unit, not in transit, neither archived nor annulled, urgent
// first and then the longest in custody. The API filters by one state only, so the open ones
// are fetched (up to 500, sorted by the server) and the closed ones left out here.
import { api } from '../api/client';
import type { Dossier, Page } from '../api/types';

const CLOSED = new Set(['archived', 'annulled']);

export async function deskDossiers(unit: number): Promise<Dossier[]> {
  const res = await api.get<Page<Dossier>>('/api/v1/dossiers', {
    unit,
    in_transit: false,
    sort: 'priority',
    per_page: 500,
  });
  return res.items.filter((d) => !CLOSED.has(d.state));
}
