import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import type { ApplicantInput, Dossier, DossierInput, DossierType, IdType } from '../api/types';
import { es } from '../i18n/es';
import { useCatalog } from '../lib/catalog';
import { ErrorSummary, firstInvalid } from './ErrorSummary';
import { Field } from './Field';
import { UnitPicker } from './UnitPicker';

/** What the form holds: text as typed, so the server judges and explains every value. */
interface Values {
  type_id: string;
  summary: string;
  priority: 'normal' | 'urgent';
  reserved: boolean;
  letters: string;
  instrument_number: string;
  folios: string;
  volumes: string;
  id_type: IdType;
  id_number: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  consent: boolean;
  unit_id: number | null;
}

const EMPTY: Values = {
  type_id: '',
  summary: '',
  priority: 'normal',
  reserved: false,
  letters: '',
  instrument_number: '',
  folios: '',
  volumes: '',
  id_type: 'DNI',
  id_number: '',
  name: '',
  email: '',
  phone: '',
  address: '',
  consent: false,
  unit_id: null,
};

function fromDossier(d: Dossier): Values {
  const a = d.applicant;
  return {
    type_id: String(d.type_id),
    summary: d.summary,
    priority: d.priority,
    reserved: d.reserved,
    letters: d.letters,
    instrument_number: d.instrument_number ?? '',
    folios: String(d.folios),
    volumes: String(d.volumes),
    id_type: (a?.id_type as IdType | undefined) ?? 'DNI',
    id_number: a?.id_number ?? '',
    name: a?.name ?? '',
    email: a?.email ?? '',
    phone: a?.phone ?? '',
    address: a?.address ?? '',
    consent: a?.consent ?? false,
    unit_id: null,
  };
}

/** A whole number as a number; anything else as typed, for the server to name the error. */
function intOrText(s: string): number | string | undefined {
  const t = s.trim();
  if (!t) return undefined;
  return /^\d{1,9}$/.test(t) ? Number(t) : t;
}

function optional(s: string): string | undefined {
  const t = s.trim();
  return t ? t : undefined;
}

// Field path in the API → [label, id of the control], in the order the form shows them.
const FIELDS: Record<string, [string, string]> = {
  unit_id: [es.register.unit, 'f-unit'],
  type_id: [es.register.type, 'f-type'],
  origin: [es.register.type, 'f-type'],
  reserved: [es.register.character, 'f-public'],
  priority: [es.register.priority, 'f-urgent'],
  summary: [es.register.summary, 'f-summary'],
  letters: [es.register.letters, 'f-letters'],
  instrument_number: [es.register.instrument, 'f-instrument'],
  folios: [es.register.folios, 'f-folios'],
  volumes: [es.register.volumes, 'f-volumes'],
  applicant: [es.register.applicant, 'f-id-type'],
  'applicant.id_type': [es.register.idType, 'f-id-type'],
  'applicant.id_number': [es.register.idNumber, 'f-id-number'],
  'applicant.name': [es.register.name, 'f-name'],
  'applicant.email': [es.register.email, 'f-email'],
  'applicant.phone': [es.register.phone, 'f-phone'],
  'applicant.address': [es.register.address, 'f-address'],
  'applicant.consent': [es.register.consent, 'f-consent'],
};

interface Props {
  mode: 'register' | 'edit';
  initial?: Dossier;
  /** Organisation whose types are offered (the user's, or the dossier's). */
  organizationId: number | null;
  /** ADMIN registers in a unit of their choice. */
  askUnit: boolean;
  submitLabel: string;
  submit: (body: DossierInput) => Promise<void>;
  /** Extra controls beside the submit button. */
  extra?: ComponentChildren;
}

/**
 * Every field of a dossier in one keyboard-friendly form: Intro saves from any one-line field;
 * the server's problem details land next to each field and in a summary on top. The cursor
 * starts in the first field; to start again empty, give the form a new `key`.
 */
export function DossierForm(props: Props) {
  const { mode, initial, askUnit, submitLabel, extra } = props;
  const catalog = useCatalog();
  const [v, setV] = useState<Values>(initial ? fromDossier(initial) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typeRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!askUnit) typeRef.current?.focus(); // an ADMIN starts in the unit (see below)
  }, []);

  const unitOrg = v.unit_id ? catalog?.unitById.get(v.unit_id)?.organization_id ?? null : null;
  const orgId = askUnit ? unitOrg : props.organizationId;
  const types = useMemo(() => {
    const all = (catalog?.types ?? []).filter((t) => t.organization_id === orgId && (t.active || String(t.id) === v.type_id));
    const fixedOrigin = mode === 'edit' ? initial?.origin : undefined;
    const byName = (a: DossierType, b: DossierType) => a.name.localeCompare(b.name, 'es');
    return {
      external: fixedOrigin === 'internal' ? [] : all.filter((t) => t.origin === 'external').sort(byName),
      internal: fixedOrigin === 'external' ? [] : all.filter((t) => t.origin === 'internal').sort(byName),
    };
  }, [catalog, orgId, mode, initial?.origin]);
  const chosenType = catalog?.types.find((t) => String(t.id) === v.type_id);
  const origin = mode === 'edit' && initial ? initial.origin : chosenType?.origin ?? 'external';
  const external = origin === 'external';

  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: keyof Values) => ({
    value: v[k] as string,
    onInput: (e: Event) => set(k, (e.currentTarget as HTMLInputElement).value as never),
  });

  const body = (): DossierInput => {
    const applicant: ApplicantInput | undefined = external
      ? {
          id_type: v.id_type,
          id_number: v.id_number.trim(),
          name: v.name.trim(),
          email: optional(v.email),
          phone: optional(v.phone),
          address: optional(v.address),
          consent: v.consent,
        }
      : undefined;
    const b: Record<string, unknown> = {
      type_id: v.type_id ? Number(v.type_id) : undefined,
      summary: v.summary,
      priority: v.priority,
      reserved: v.reserved,
      instrument_number: v.instrument_number.trim(),
      folios: intOrText(v.folios),
      volumes: intOrText(v.volumes),
      applicant,
    };
    if (mode === 'register') {
      b.origin = origin;
      b.letters = optional(v.letters);
      if (askUnit) b.unit_id = v.unit_id ?? undefined;
    }
    return b as unknown as DossierInput;
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      await props.submit(body());
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(err.fieldMap());
        const first = firstInvalid(FIELDS, err.fieldMap());
        // The cursor goes to the first field at fault; the summary on top is read as an alert.
        if (first) setTimeout(() => document.getElementById(first)?.focus(), 0);
      } else {
        setGeneral(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const err = (path: string) => errors[path];
  const applicantError = err('applicant');

  return (
    <form class="form dossier-form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} fields={FIELDS} message={general} />
      <div class="form-grid">
        {askUnit ? (
          <Field id="f-unit" label={es.register.unit} hint={es.register.unitHint} error={err('unit_id')} required className="span-2">
            {(a) => <UnitPicker a11y={a} value={v.unit_id} onChange={(id) => set('unit_id', id)} autoFocus />}
          </Field>
        ) : null}
        <Field id="f-type" label={es.register.type} error={err('type_id') ?? err('origin')} required className="span-2">
          {(a) => (
            <select {...a} ref={typeRef} value={v.type_id} onChange={(e) => set('type_id', e.currentTarget.value)}>
              <option value="">{es.register.typePlaceholder}</option>
              {types.external.length ? (
                <optgroup label={es.register.typesExternal}>
                  {types.external.map((t) => (
                    <option key={t.id} value={String(t.id)}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {types.internal.length ? (
                <optgroup label={es.register.typesInternal}>
                  {types.internal.map((t) => (
                    <option key={t.id} value={String(t.id)}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
        <fieldset class="fieldset-inline" aria-describedby={err('reserved') ? 'f-reserved-error' : undefined}>
          <legend>{es.register.character}</legend>
          <label class="choice">
            <input
              id="f-public"
              type="radio"
              name="reserved"
              checked={!v.reserved}
              onChange={() => set('reserved', false)}
            />
            {es.character.public}
          </label>
          <label class="choice">
            <input id="f-reserved" type="radio" name="reserved" checked={v.reserved} onChange={() => set('reserved', true)} />
            {es.character.reserved}
          </label>
          {err('reserved') ? (
            <p class="field-error" id="f-reserved-error">
              {err('reserved')}
            </p>
          ) : null}
        </fieldset>
        <fieldset class="fieldset-inline">
          <legend>{es.register.priority}</legend>
          <label class="choice">
            <input
              id="f-urgent"
              type="checkbox"
              checked={v.priority === 'urgent'}
              onChange={(e) => set('priority', e.currentTarget.checked ? 'urgent' : 'normal')}
            />
            {es.register.urgent}
          </label>
          {err('priority') ? <p class="field-error">{err('priority')}</p> : null}
        </fieldset>
        <Field id="f-summary" label={es.register.summary} hint={es.register.summaryHint} error={err('summary')} required className="span-4">
          {(a) => <input {...a} type="text" maxLength={500} autoComplete="off" {...text('summary')} />}
        </Field>


        {mode === 'register' ? (
          <Field id="f-letters" label={es.register.letters} hint={es.register.lettersHint} error={err('letters')}>
            {(a) => <input {...a} type="text" maxLength={10} autoComplete="off" class="input--short" {...text('letters')} />}
          </Field>
        ) : null}
        <Field
          id="f-instrument"
          label={es.register.instrument}
          hint={es.register.instrumentHint}
          error={err('instrument_number')}
          className={mode === 'register' ? undefined : 'span-2'}
        >
          {(a) => <input {...a} type="text" maxLength={50} autoComplete="off" {...text('instrument_number')} />}
        </Field>
        <Field id="f-folios" label={es.register.folios} error={err('folios')}>
          {(a) => <input {...a} type="text" inputMode="numeric" autoComplete="off" class="input--short" {...text('folios')} />}
        </Field>
        <Field id="f-volumes" label={es.register.volumes} error={err('volumes')}>
          {(a) => <input {...a} type="text" inputMode="numeric" autoComplete="off" class="input--short" {...text('volumes')} />}
        </Field>
      </div>

      {external ? (
        <fieldset class="fieldset" aria-describedby="applicant-hint">
          <legend>{es.register.applicant}</legend>
          <p class="hint" id="applicant-hint">
            {es.register.applicantHint}
          </p>
          {applicantError ? (
            <p class="field-error" id="applicant-error">
              {applicantError}
            </p>
          ) : null}
          <div class="form-grid">
            <Field id="f-id-type" label={es.register.idType} error={err('applicant.id_type')} required>
              {(a) => (
                <select {...a} value={v.id_type} onChange={(e) => set('id_type', e.currentTarget.value as IdType)}>
                  {(['DNI', 'RUC', 'CE', 'PASSPORT'] as const).map((t) => (
                    <option key={t} value={t}>
                      {es.idTypes[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="f-id-number" label={es.register.idNumber} error={err('applicant.id_number')} required>
              {(a) => <input {...a} type="text" autoComplete="off" spellcheck={false} {...text('id_number')} />}
            </Field>
            <Field id="f-name" label={es.register.name} error={err('applicant.name')} required className="span-2">
              {(a) => <input {...a} type="text" autoComplete="off" {...text('name')} />}
            </Field>
            <Field id="f-email" label={es.register.email} error={err('applicant.email')}>
              {(a) => <input {...a} type="email" autoComplete="off" spellcheck={false} {...text('email')} />}
            </Field>
            <Field id="f-phone" label={es.register.phone} error={err('applicant.phone')}>
              {(a) => <input {...a} type="tel" autoComplete="off" {...text('phone')} />}
            </Field>
            <Field id="f-address" label={es.register.address} error={err('applicant.address')} className="span-2">
              {(a) => <input {...a} type="text" autoComplete="off" {...text('address')} />}
            </Field>
            <div class={`field span-4${err('applicant.consent') ? ' field--invalid' : ''}`}>
              <label class="choice">
                <input
                  id="f-consent"
                  type="checkbox"
                  checked={v.consent}
                  aria-describedby={err('applicant.consent') ? 'f-consent-error f-consent-hint' : 'f-consent-hint'}
                  onChange={(e) => set('consent', e.currentTarget.checked)}
                />
                {es.register.consent}
              </label>
              <p class="hint" id="f-consent-hint">
                {es.register.consentHint}
              </p>
              {err('applicant.consent') ? (
                <p class="field-error" id="f-consent-error">
                  {err('applicant.consent')}
                </p>
              ) : null}
            </div>
          </div>
        </fieldset>
      ) : null}

      <div class="form-actions">
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {busy ? es.common.saving : submitLabel}
        </button>
        {extra}
      </div>
    </form>
  );
}

