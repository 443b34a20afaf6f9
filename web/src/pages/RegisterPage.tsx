import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Dossier, DossierInput } from '../api/types';
import { DossierForm } from '../components/DossierForm';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { es } from '../i18n/es';
import { receiptUrl } from '../lib/receipt';
import { can, useSession } from '../lib/session';

const OPEN_RECEIPT_KEY = 'sige.openReceipt';

/**
 * "Registrar": the desk's form. After saving, the receipt (cargo) opens in a new tab, the
 * form empties and the cursor is back in its first field for the next dossier.
 */
export function RegisterPage() {
  const { me } = useSession();
  const [formKey, setFormKey] = useState(0);
  const [last, setLast] = useState<Dossier | null>(null);
  const [openReceipt, setOpenReceipt] = useState(localStorage.getItem(OPEN_RECEIPT_KEY) !== 'no');

  if (!can.register(me)) {
    return <PageHeader title={es.register.title} intro={es.register.notAllowed} />;
  }

  const submit = async (body: DossierInput) => {
    const d = await api.post<Dossier>('/api/v1/dossiers', body);
    setLast(d);
    if (openReceipt) window.open(receiptUrl(d.id), '_blank');
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader title={es.register.title} intro={es.register.intro} />
      {last ? (
        <div class="saved-panel saved-panel--row" role="status" data-testid="saved-panel">
          <div>
            <p class="saved-panel__title">{es.register.saved(last.code)}</p>
            <p class="muted">
              {last.pin ? `${es.register.savedDetail(last.pin)} · ` : ''}
              {es.register.next}
            </p>
          </div>
          <p class="saved-panel__links">
            <a class="btn btn--small" href={receiptUrl(last.id)} target="_blank" rel="noopener">
              {es.register.receipt}
            </a>
            <Link class="btn btn--small" href={`/expedientes/${last.id}`}>
              {es.register.viewDossier}
            </Link>
          </p>
        </div>
      ) : null}
      <DossierForm
        key={formKey}
        mode="register"
        organizationId={me.organization?.id ?? null}
        askUnit={me.unit === null}
        submitLabel={es.register.submit}
        submit={submit}
        extra={
          <label class="choice">
            <input
              type="checkbox"
              checked={openReceipt}
              onChange={(e) => {
                setOpenReceipt(e.currentTarget.checked);
                localStorage.setItem(OPEN_RECEIPT_KEY, e.currentTarget.checked ? 'yes' : 'no');
              }}
            />
            {es.register.openReceipt}
          </label>
        }
      />
    </>
  );
}
