// Catalogues that change rarely (organisations, units, dossier types), fetched once per page
// load and shared by every screen; the administration screens refresh them after a change.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { DossierType, Organization, Page, Unit } from '../api/types';

export interface Catalog {
  organizations: Organization[];
  units: Unit[];
  types: DossierType[];
  unitById: Map<number, Unit>;
  orgById: Map<number, Organization>;
}

let cached: Promise<Catalog> | null = null;
const listeners = new Set<(c: Catalog) => void>();

async function load(): Promise<Catalog> {
  const [orgs, units, types] = await Promise.all([
    api.get<Page<Organization>>('/api/v1/organizations'),
    api.get<Page<Unit>>('/api/v1/units'),
    api.get<Page<DossierType>>('/api/v1/dossier-types'),
  ]);
  return {
    organizations: orgs.items,
    units: units.items,
    types: types.items,
    unitById: new Map(units.items.map((u) => [u.id, u])),
    orgById: new Map(orgs.items.map((o) => [o.id, o])),
  };
}

export function getCatalog(): Promise<Catalog> {
  if (!cached) {
    cached = load();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Reloads the catalogues (after an administrator changed them) and tells every user. */
export async function refreshCatalog(): Promise<Catalog> {
  cached = null;
  const c = await getCatalog();
  for (const l of listeners) l(c);
  return c;
}

/** Forgets the catalogues (at logout). */
export function clearCatalog(): void {
  cached = null;
}

/** The catalogues, or null while they load. */
export function useCatalog(): Catalog | null {
  const [c, setC] = useState<Catalog | null>(null);
  useEffect(() => {
    let alive = true;
    getCatalog().then(
      (v) => alive && setC(v),
      () => undefined,
    );
    const l = (v: Catalog) => alive && setC(v);
    listeners.add(l);
    return () => {
      alive = false;
      listeners.delete(l);
    };
  }, []);
  return c;
}

/** "Gerencia Municipal › Mesa de Partes": the chain of units above `unit`, root excluded. */
export function unitPath(c: Catalog, unit: Unit): string {
  const names: string[] = [];
  let p = unit.parent_id ? c.unitById.get(unit.parent_id) : undefined;
  let guard = 0;
  while (p && guard++ < 50) {
    names.unshift(p.name);
    p = p.parent_id ? c.unitById.get(p.parent_id) : undefined;
  }
  return names.join(' › ');
}

/** Units of one organisation in tree order (depth-first), each with its depth. */
export function unitTree(c: Catalog, organizationId: number): { unit: Unit; depth: number }[] {
  const units = c.units.filter((u) => u.organization_id === organizationId);
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const key = u.parent_id ?? null;
    if (!children.has(key)) children.set(key, []);
    children.get(key)!.push(u);
  }
  const out: { unit: Unit; depth: number }[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  // Units whose parent is missing (should not happen) go last rather than disappear.
  for (const u of units) if (!seen.has(u.id)) out.push({ unit: u, depth: 0 });
  return out;
}
