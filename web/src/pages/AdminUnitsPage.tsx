import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { OrganizationInput, Unit, UnitInput, UnitPatch } from '../api/types';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { es } from '../i18n/es';
import type { Catalog } from '../lib/catalog';
import { refreshCatalog, unitTree, useCatalog } from '../lib/catalog';
import { flash } from '../lib/notices';

const T = es.admin.units;

const UNIT_FIELDS: Record<string, [string, string]> = {
  organization_id: [T.organization, 'n-org'],
  parent_id: [T.parent, 'n-parent'],
  code: [T.code, 'n-code'],
  name: [T.name, 'n-name'],
  is_desk: [T.isDesk, 'n-desk'],
  active: [es.common.active, 'n-active'],
};
const ORG_FIELDS: Record<string, [string, string]> = {
  code: [T.orgCode, 'o-code'],
  name: [T.orgName, 'o-name'],
  time_zone: [T.orgTimeZone, 'o-tz'],
};

interface Draft {
  organization_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  is_desk: boolean;
  active: boolean;
  time_zone: string;
}

type Dialog = { kind: 'create-unit' } | { kind: 'edit-unit'; unit: Unit } | { kind: 'create-org' };

function UnitBranch({ catalog, units, parent, onEdit, onAdd }: {
  catalog: Catalog;
  units: Unit[];
  parent: number | null;
  onEdit: (u: Unit) => void;
  onAdd: (parent: Unit) => void;
}) {
  const children = units.filter((u) => (u.parent_id ?? null) === parent);
  if (!children.length) return null;
  return (
    <ul class={parent === null ? 'tree' : 'tree__children'}>
      {children.map((u) => (
        <li key={u.id} class="tree__item">
          <div class={`tree__row${u.active ? '' : ' row--muted'}`}>
            <span class="tree__name">
              {u.name} <span class="muted mono">{u.code}</span>
              {u.is_desk ? <span class="tag">{T.deskBadge}</span> : null}
              {!u.active ? <span class="tag tag--muted">{T.inactiveBadge}</span> : null}
            </span>
            <span class="tree__buttons">
              <button type="button" class="btn btn--small" onClick={() => onEdit(u)} aria-label={T.editAria(u.name)}>
                {es.common.edit}
              </button>
              <button type="button" class="btn btn--small" onClick={() => onAdd(u)} aria-label={T.addUnderAria(u.name)}>
                + {T.addUnder}
              </button>
            </span>
          </div>
          <UnitBranch catalog={catalog} units={units} parent={u.id} onEdit={onEdit} onAdd={onAdd} />
        </li>
      ))}
    </ul>
  );
}

/** ADMIN: each organisation's tree of units; create units and organisations, rename, desks. */
export function AdminUnitsPage() {
  const catalog = useCatalog();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  const open = (d: Dialog, base: Partial<Draft> = {}) => {
    setDialog(d);
    setDraft({
      organization_id: catalog?.organizations[0]?.id ?? 0,
      parent_id: null,
      code: '',
      name: '',
      is_desk: false,
      active: true,
      time_zone: '',
      ...base,
    });
  };
  const close = () => {
    setDialog(null);
    setDraft(null);
  };

  if (!catalog) return <p role="status">{es.app.loading}</p>;
  const parents = draft ? unitTree(catalog, draft.organization_id) : [];

  return (
    <>
      <PageHeader title={T.title} intro={T.intro}>
        <button type="button" class="btn" onClick={() => open({ kind: 'create-org' })}>
          {T.newOrganization}
        </button>
        <button type="button" class="btn btn--primary" onClick={() => open({ kind: 'create-unit' })}>
          {T.create}
        </button>
      </PageHeader>
      {catalog.organizations.map((o) => (
        <section class="card" key={o.id} aria-labelledby={`org-${o.id}`}>
          <h2 id={`org-${o.id}`}>
            {o.name} <span class="muted mono">{o.code}</span>
          </h2>
          <UnitBranch
            catalog={catalog}
            units={catalog.units.filter((u) => u.organization_id === o.id)}
            parent={null}
            onEdit={(u) => open({ kind: 'edit-unit', unit: u }, { organization_id: u.organization_id, name: u.name, is_desk: u.is_desk, active: u.active, code: u.code })}
            onAdd={(p) => open({ kind: 'create-unit' }, { organization_id: p.organization_id, parent_id: p.id })}
          />
        </section>
      ))}

      {dialog?.kind === 'create-unit' && draft ? (
        <FormDialog
          title={T.create}
          submitLabel={T.createSubmit}
          fields={UNIT_FIELDS}
          onClose={close}
          onSubmit={async () => {
            const body: UnitInput = {
              organization_id: draft.organization_id,
              parent_id: draft.parent_id,
              code: draft.code,
              name: draft.name,
              is_desk: draft.is_desk,
            };
            await api.post('/api/v1/units', body);
            await refreshCatalog();
            flash(T.created(draft.name));
          }}
        >
          {(errors) => (
            <div class="form-grid">
              <Field id="n-org" label={T.organization} error={errors.organization_id} required className="span-2">
                {(a) => (
                  <select
                    {...a}
                    value={String(draft.organization_id)}
                    onChange={(e) => setDraft({ ...draft, organization_id: Number(e.currentTarget.value), parent_id: null })}
                  >
                    {catalog.organizations.map((o) => (
                      <option key={o.id} value={String(o.id)}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="n-parent" label={T.parent} error={errors.parent_id} className="span-2">
                {(a) => (
                  <select {...a} value={draft.parent_id ? String(draft.parent_id) : ''} onChange={(e) => set('parent_id', e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
                    <option value="">{T.parentNone}</option>
                    {parents.map(({ unit, depth }) => (
                      <option key={unit.id} value={String(unit.id)}>
                        {'\u00a0\u00a0'.repeat(depth)}
                        {unit.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="n-code" label={T.code} error={errors.code} required>
                {(a) => <input {...a} type="text" class="input--short" autoComplete="off" value={draft.code} onInput={(e) => set('code', e.currentTarget.value)} />}
              </Field>
              <Field id="n-name" label={T.name} error={errors.name} required>
                {(a) => <input {...a} type="text" autoComplete="off" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
              </Field>
              <label class="choice span-2">
                <input id="n-desk" type="checkbox" checked={draft.is_desk} onChange={(e) => set('is_desk', e.currentTarget.checked)} />
                {T.isDesk}
              </label>
            </div>
          )}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'edit-unit' && draft ? (
        <FormDialog
          title={T.editTitle(dialog.unit.name)}
          submitLabel={es.common.save}
          fields={UNIT_FIELDS}
          onClose={close}
          onSubmit={async () => {
            const u = dialog.unit;
            const body: UnitPatch = {};
            if (draft.name !== u.name) body.name = draft.name;
            if (draft.is_desk !== u.is_desk) body.is_desk = draft.is_desk;
            if (draft.active !== u.active) body.active = draft.active;
            await api.patch(`/api/v1/units/${u.id}`, body);
            await refreshCatalog();
            flash(T.saved(draft.name));
          }}
        >
          {(errors) => (
            <div class="form-grid">
              <Field id="n-name" label={T.name} error={errors.name} required className="span-4">
                {(a) => <input {...a} type="text" autoComplete="off" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
              </Field>
              <label class="choice span-2">
                <input id="n-desk" type="checkbox" checked={draft.is_desk} onChange={(e) => set('is_desk', e.currentTarget.checked)} />
                {T.isDesk}
              </label>
              <label class="choice span-2">
                <input id="n-active" type="checkbox" checked={draft.active} onChange={(e) => set('active', e.currentTarget.checked)} />
                {es.common.active}
              </label>
            </div>
          )}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'create-org' && draft ? (
        <FormDialog
          title={T.newOrganization}
          submitLabel={T.orgCreate}
          fields={ORG_FIELDS}
          onClose={close}
          onSubmit={async () => {
            const body: OrganizationInput = { code: draft.code, name: draft.name, time_zone: draft.time_zone.trim() || undefined };
            await api.post('/api/v1/organizations', body);
            await refreshCatalog();
            flash(T.orgCreated(draft.name));
          }}
        >
          {(errors) => (
            <div class="form-grid">
              <Field id="o-code" label={T.orgCode} error={errors.code} required>
                {(a) => <input {...a} type="text" class="input--short" autoComplete="off" value={draft.code} onInput={(e) => set('code', e.currentTarget.value)} />}
              </Field>
              <Field id="o-name" label={T.orgName} error={errors.name} required className="span-3">
                {(a) => <input {...a} type="text" autoComplete="off" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
              </Field>
              <Field id="o-tz" label={T.orgTimeZone} hint={T.orgTimeZoneHint} error={errors.time_zone} className="span-2">
                {(a) => <input {...a} type="text" autoComplete="off" spellcheck={false} value={draft.time_zone} onInput={(e) => set('time_zone', e.currentTarget.value)} />}
              </Field>
            </div>
          )}
        </FormDialog>
      ) : null}
    </>
  );
}
