import { useMemo, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api/client';
import type { DeliveryNote } from '../api/types';
import { DossierTable } from '../components/DossierTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { EMPTY_TRANSFER, TRANSFER_FIELDS, TransferFields, transferBody } from '../components/TransferFields';
import type { TransferValues } from '../components/TransferFields';
import { TrayUnitChooser, useTrayUnit } from '../components/TrayUnitChooser';
import { es } from '../i18n/es';
import { deskDossiers } from '../lib/deskDossiers';
import { refreshInboxCount } from '../lib/inboxCount';
import { deliveryNoteUrl } from '../lib/receipt';
import { can, useSession } from '../lib/session';
import { matchesWords } from '../lib/text';
import { useAsync } from '../lib/useAsync';

/** "Pases múltiples": several dossiers to one unit, with one delivery note (remito) to sign. */
export function BulkTransferPage() {
  const { me } = useSession();
  const unit = useTrayUnit();
  const list = useAsync(() => (unit ? deskDossiers(unit) : Promise.resolve([])), [unit]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const [values, setValues] = useState<TransferValues>(EMPTY_TRANSFER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<DeliveryNote | null>(null);

  const all = (list.data ?? []).filter((d) => d.allowed_actions.includes('transfer'));
  const shown = useMemo(
    () => (filter.trim() ? all.filter((d) => matchesWords(`${d.code} ${d.summary} ${d.applicant?.name ?? ''}`, filter)) : all),
    [all, filter],
  );
  const chosen = all.filter((d) => selected.has(d.id));
  const fields = useMemo(() => {
    const f: Record<string, [string, string]> = { ...TRANSFER_FIELDS, dossier_ids: [es.bulk.pick, 'bulk-filter'] };
    chosen.forEach((d, i) => (f[`dossier_ids[${i}]`] = [d.code, 'bulk-filter']));
    return f;
  }, [chosen.map((d) => d.id).join(',')]);

  if (!can.transfer(me)) return <PageHeader title={es.bulk.title} intro={es.errors.notAllowed} />;

  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setErrors({});
    setGeneral(null);
    if (!chosen.length) {
      setGeneral(es.bulk.noneSelected);
      return;
    }
    setBusy(true);
    try {
      const n = await api.post<DeliveryNote>('/api/v1/transfers/bulk', {
        ...transferBody(values),
        dossier_ids: chosen.map((d) => d.id),
      });
      setNote(n);
      setSelected(new Set());
      setValues(EMPTY_TRANSFER);
      window.open(deliveryNoteUrl(n.id), '_blank');
      void refreshInboxCount();
      await list.reload();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(err.fieldMap());
      } else {
        setGeneral(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  if (note) {
    return (
      <>
        <PageHeader title={es.bulk.title} />
        <div class="saved-panel" role="status" data-testid="bulk-done">
          <p class="saved-panel__title">{es.bulk.done(note.code, note.transfers.length)}</p>
          <p>
            {es.transfers.to}: <strong>{note.to_unit.name}</strong>
          </p>
          <ul class="plain-list">
            {note.transfers.map((t) => (
              <li key={t.id}>
                <strong>{t.dossier_code}</strong> · {t.dossier_summary}
              </li>
            ))}
          </ul>
          <p class="saved-panel__links">
            <a class="btn btn--primary" href={deliveryNoteUrl(note.id)} target="_blank" rel="noopener">
              {es.bulk.print}
            </a>
            <button type="button" class="btn" onClick={() => setNote(null)}>
              {es.bulk.another}
            </button>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title={es.bulk.title} intro={es.bulk.intro} />
      <TrayUnitChooser />
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={fields} message={general} />
        <section class="card" aria-labelledby="bulk-pick-title">
          <h2 id="bulk-pick-title">
            {es.bulk.pick} <span class="muted">· {es.common.selected(chosen.length)}</span>
          </h2>
          <Field id="bulk-filter" label={es.bulk.filter} hint={es.bulk.filterHint} className="field--inline">
            {(a) => (
              <input
                {...a}
                type="search"
                value={filter}
                autoComplete="off"
                onInput={(e) => setFilter(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
              />
            )}
          </Field>
          {list.loading && !list.data ? <p role="status">{es.common.loadingList}</p> : null}
          {list.error ? <p class="notice notice--error">{list.error}</p> : null}
          {list.data && !all.length ? <p class="empty">{es.bulk.pickEmpty}</p> : null}
          {shown.length ? (
            <DossierTable
              items={shown}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(on) =>
                setSelected((s) => {
                  const n = new Set(s);
                  for (const d of shown) {
                    if (on) n.add(d.id);
                    else n.delete(d.id);
                  }
                  return n;
                })
              }
              caption={es.bulk.pick}
            />
          ) : null}
        </section>
        <section class="card">
          <TransferFields
            values={values}
            onChange={setValues}
            errors={errors}
            exclude={unit ? [unit] : []}
            preferOrganization={me.organization?.id ?? null}
          />
          <div class="form-actions">
            <button type="submit" class="btn btn--primary" disabled={busy}>
              {busy ? es.bulk.submitting : es.bulk.submit(chosen.length)}
            </button>
          </div>
        </section>
      </form>
    </>
  );
}
