import { useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api/client';
import type { Dossier, Transfer } from '../api/types';
import { ErrorSummary, firstInvalid } from '../components/ErrorSummary';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { EMPTY_TRANSFER, TRANSFER_FIELDS, TransferFields, transferBody } from '../components/TransferFields';
import type { TransferValues } from '../components/TransferFields';
import { es } from '../i18n/es';
import { flash } from '../lib/notices';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';

/** "Hacer pase": send one dossier to another unit. */
export function TransferPage({ id }: { id: number }) {
  const d = useAsync(() => api.get<Dossier>(`/api/v1/dossiers/${id}`), [id]);
  const [values, setValues] = useState<TransferValues>(EMPTY_TRANSFER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (d.error) return <PageHeader title={es.transfer.title(String(id))} intro={d.error} />;
  if (!d.data) return <p role="status">{es.app.loading}</p>;
  const dossier = d.data;
  const back = (
    <Link href={`/expedientes/${id}`} class="btn">
      {es.dossier.back}
    </Link>
  );
  if (!dossier.allowed_actions.includes('transfer')) {
    return (
      <PageHeader title={es.transfer.title(dossier.code)} intro={es.transfer.notAllowed}>
        {back}
      </PageHeader>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const t = await api.post<Transfer>(`/api/v1/dossiers/${id}/transfers`, transferBody(values));
      flash(es.transfer.sent(t.to_unit.name));
      navigate(`/expedientes/${id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(err.fieldMap());
        const first = firstInvalid(TRANSFER_FIELDS, err.fieldMap());
        if (first) setTimeout(() => document.getElementById(first)?.focus(), 0);
      } else {
        setGeneral(errorMessage(err));
      }
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={es.transfer.title(dossier.code)} intro={es.transfer.intro}>
        {back}
      </PageHeader>
      <p class="card dossier__summary-small">
        <strong>{dossier.code}</strong> · {dossier.summary}
        <span class="muted block">
          {es.dossier.custody}: {dossier.custody_unit.name}
        </span>
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={TRANSFER_FIELDS} message={general} />
        <TransferFields
          values={values}
          onChange={setValues}
          errors={errors}
          exclude={[dossier.custody_unit_id]}
          preferOrganization={dossier.organization_id}
          autoFocus
        />
        <div class="form-actions">
          <button type="submit" class="btn btn--primary" disabled={busy}>
            {busy ? es.transfer.submitting : es.transfer.submit}
          </button>
          {back}
        </div>
      </form>
    </>
  );
}
