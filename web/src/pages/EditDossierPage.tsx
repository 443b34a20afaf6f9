import { api } from '../api/client';
import type { Dossier, DossierInput } from '../api/types';
import { DossierForm } from '../components/DossierForm';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { es } from '../i18n/es';
import { flash } from '../lib/notices';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';

/** Edit a dossier's data (only where `allowed_actions` has "edit"). */
export function EditDossierPage({ id }: { id: number }) {
  const d = useAsync(() => api.get<Dossier>(`/api/v1/dossiers/${id}`), [id]);
  if (d.error) return <PageHeader title={es.dossier.title(String(id))} intro={d.error} />;
  if (!d.data) return <p role="status">{es.app.loading}</p>;
  const dossier = d.data;
  const back = (
    <Link href={`/expedientes/${id}`} class="btn">
      {es.dossier.back}
    </Link>
  );
  if (!dossier.allowed_actions.includes('edit')) {
    return (
      <>
        <PageHeader title={es.edit.title(dossier.code)} intro={es.errors.notAllowed}>
          {back}
        </PageHeader>
      </>
    );
  }
  const submit = async (body: DossierInput) => {
    await api.patch<Dossier>(`/api/v1/dossiers/${id}`, body);
    flash(es.edit.saved);
    navigate(`/expedientes/${id}`);
  };
  return (
    <>
      <PageHeader title={es.edit.title(dossier.code)} intro={es.edit.fixed}>
        {back}
      </PageHeader>
      <DossierForm
        mode="edit"
        initial={dossier}
        organizationId={dossier.organization_id}
        askUnit={false}
        submitLabel={es.edit.submit}
        submit={submit}
      />
    </>
  );
}
