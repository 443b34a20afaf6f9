import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { DossierType, DossierTypeInput, DossierTypePatch, Origin } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { es } from '../i18n/es';
import { refreshCatalog, useCatalog } from '../lib/catalog';
import { flash } from '../lib/notices';

const T = es.admin.types;
const FIELDS: Record<string, [string, string]> = {
  organization_id: [T.organization, 'ty-org'],
  code: [T.code, 'ty-code'],
  name: [T.name, 'ty-name'],
  origin: [T.origin, 'ty-origin'],
};

interface Draft {
  organization_id: number;
  code: string;
  name: string;
  origin: Origin;
}

type Dialog = { kind: 'create' } | { kind: 'rename'; type: DossierType } | { kind: 'active'; type: DossierType };

/** ADMIN: the catalogue of dossier types of each organisation. */
export function AdminTypesPage() {
  const catalog = useCatalog();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const open = (d: Dialog, base: Partial<Draft> = {}) => {
    setDialog(d);
    setDraft({ organization_id: catalog?.organizations[0]?.id ?? 0, code: '', name: '', origin: 'external', ...base });
  };
  const close = () => {
    setDialog(null);
    setDraft(null);
  };
  if (!catalog) return <p role="status">{es.app.loading}</p>;

  const patch = async (t: DossierType, body: DossierTypePatch) => {
    await api.patch(`/api/v1/dossier-types/${t.id}`, body);
    await refreshCatalog();
    flash(T.saved(body.name ?? t.name));
  };

  return (
    <>
      <PageHeader title={T.title} intro={T.intro}>
        <button type="button" class="btn btn--primary" onClick={() => open({ kind: 'create' })}>
          {T.create}
        </button>
      </PageHeader>
      {catalog.organizations.map((o) => {
        const types = catalog.types
          .filter((t) => t.organization_id === o.id)
          .sort((a, b) => a.origin.localeCompare(b.origin) || a.name.localeCompare(b.name, 'es'));
        return (
          <section class="card" key={o.id} aria-labelledby={`types-${o.id}`}>
            <h2 id={`types-${o.id}`}>{o.name}</h2>
            <div class="table-wrap">
              <table class="table table--cards table--compact">
                <thead>
                  <tr>
                    <th scope="col">{T.code}</th>
                    <th scope="col">{T.name}</th>
                    <th scope="col">{T.origin}</th>
                    <th scope="col">{es.columns.state}</th>
                    <th scope="col">{es.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {types.map((t) => (
                    <tr key={t.id} class={t.active ? undefined : 'row--muted'}>
                      <td data-label={T.code} class="mono">
                        {t.code}
                      </td>
                      <td data-label={T.name}>{t.name}</td>
                      <td data-label={T.origin}>{es.origin[t.origin]}</td>
                      <td data-label={es.columns.state}>
                        <span class={`badge ${t.active ? 'badge--ok' : 'badge--off'}`}>{t.active ? es.common.active : es.common.inactive}</span>
                      </td>
                      <td data-label={es.common.actions} class="cell-actions">
                        <button type="button" class="btn btn--small" aria-label={T.editAria(t.name)} onClick={() => open({ kind: 'rename', type: t }, { name: t.name })}>
                          {T.rename}
                        </button>
                        <button type="button" class={`btn btn--small${t.active ? ' btn--danger' : ''}`} onClick={() => open({ kind: 'active', type: t })}>
                          {t.active ? T.deactivate : T.activate}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}

      {dialog?.kind === 'create' && draft ? (
        <FormDialog
          title={T.create}
          submitLabel={T.createSubmit}
          fields={FIELDS}
          onClose={close}
          onSubmit={async () => {
            const body: DossierTypeInput = { organization_id: draft.organization_id, code: draft.code, name: draft.name, origin: draft.origin };
            await api.post('/api/v1/dossier-types', body);
            await refreshCatalog();
            flash(T.created(draft.name));
          }}
        >
          {(errors) => (
            <div class="form-grid">
              <Field id="ty-org" label={T.organization} error={errors.organization_id} required className="span-2">
                {(a) => (
                  <select {...a} value={String(draft.organization_id)} onChange={(e) => set('organization_id', Number(e.currentTarget.value))}>
                    {catalog.organizations.map((o) => (
                      <option key={o.id} value={String(o.id)}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="ty-origin" label={T.origin} error={errors.origin} required className="span-2">
                {(a) => (
                  <select {...a} value={draft.origin} onChange={(e) => set('origin', e.currentTarget.value as Origin)}>
                    <option value="external">{es.origin.external}</option>
                    <option value="internal">{es.origin.internal}</option>
                  </select>
                )}
              </Field>
              <Field id="ty-code" label={T.code} error={errors.code} required>
                {(a) => <input {...a} type="text" class="input--short" autoComplete="off" value={draft.code} onInput={(e) => set('code', e.currentTarget.value)} />}
              </Field>
              <Field id="ty-name" label={T.name} error={errors.name} required className="span-3">
                {(a) => <input {...a} type="text" autoComplete="off" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
              </Field>
            </div>
          )}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'rename' && draft ? (
        <FormDialog
          title={T.editTitle(dialog.type.name)}
          submitLabel={es.common.save}
          fields={FIELDS}
          onClose={close}
          onSubmit={() => patch(dialog.type, { name: draft.name })}
        >
          {(errors) => (
            <Field id="ty-name" label={T.name} error={errors.name} required>
              {(a) => <input {...a} type="text" autoComplete="off" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
            </Field>
          )}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'active' ? (
        <ConfirmDialog
          title={T.editTitle(dialog.type.name)}
          confirmLabel={dialog.type.active ? T.deactivate : T.activate}
          danger={dialog.type.active}
          onClose={close}
          onConfirm={() => patch(dialog.type, { active: !dialog.type.active })}
        />
      ) : null}
    </>
  );
}
