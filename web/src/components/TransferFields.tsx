import type { Permission, TransferAction, TransferInput } from '../api/types';
import { es } from '../i18n/es';
import { Field } from './Field';
import { UnitPicker } from './UnitPicker';

export interface TransferValues {
  to_unit: number | null;
  action: TransferAction;
  permission: Permission;
  folios_added: string;
  volumes_added: string;
  notes: string;
}

export const EMPTY_TRANSFER: TransferValues = {
  to_unit: null,
  action: 'attend',
  permission: 'WRITE',
  folios_added: '',
  volumes_added: '',
  notes: '',
};

const ACTIONS: TransferAction[] = ['attend', 'opinion', 'sign', 'report', 'review', 'knowledge', 'notify', 'archive'];

/** Field path in the API → [label, id of the control]. */
export const TRANSFER_FIELDS: Record<string, [string, string]> = {
  to_unit: [es.transfer.destination, 't-unit'],
  action: [es.transfer.action, 't-action'],
  permission: [es.permissions.label ?? '', 't-perm-WRITE'],
  folios_added: [es.transfer.folios, 't-folios'],
  volumes_added: [es.transfer.volumes, 't-volumes'],
  notes: [es.transfer.notes, 't-notes'],
};

function intOrText(s: string): number | string | undefined {
  const t = s.trim();
  if (!t) return undefined;
  return /^\d{1,9}$/.test(t) ? Number(t) : t;
}

/** The body the API expects, numbers as typed when they are not numbers (the server says why). */
export function transferBody(v: TransferValues): TransferInput {
  return {
    to_unit: v.to_unit ?? undefined,
    action: v.action,
    permission: v.permission,
    folios_added: intOrText(v.folios_added),
    volumes_added: intOrText(v.volumes_added),
    notes: v.notes,
  } as unknown as TransferInput;
}

interface Props {
  values: TransferValues;
  onChange: (v: TransferValues) => void;
  errors: Record<string, string>;
  /** Units that may not be the destination (the one holding the dossier). */
  exclude?: number[];
  preferOrganization?: number | null;
  autoFocus?: boolean;
}

/** Destination, action, permission, folios, volumes and notes (SIGEXP's "Enviar pase"). */
export function TransferFields({ values: v, onChange, errors, exclude, preferOrganization, autoFocus }: Props) {
  const set = <K extends keyof TransferValues>(k: K, x: TransferValues[K]) => onChange({ ...v, [k]: x });
  return (
    <div class="form-grid">
      <Field id="t-unit" label={es.transfer.destination} hint={es.transfer.destinationHint} error={errors.to_unit} required className="span-4">
        {(a) => (
          <UnitPicker
            a11y={a}
            value={v.to_unit}
            onChange={(id) => set('to_unit', id)}
            exclude={exclude ?? []}
            preferOrganization={preferOrganization ?? null}
            autoFocus={autoFocus ?? false}
          />
        )}
      </Field>
      <Field id="t-action" label={es.transfer.action} error={errors.action} required className="span-2">
        {(a) => (
          <select {...a} value={v.action} onChange={(e) => set('action', e.currentTarget.value as TransferAction)}>
            {ACTIONS.map((x) => (
              <option key={x} value={x}>
                {es.actions[x]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="fieldset-inline span-2">
        <legend>{es.permissions.label}</legend>
        {(['WRITE', 'READ'] as const).map((p) => (
          <label class="choice" key={p}>
            <input
              id={`t-perm-${p}`}
              type="radio"
              name="permission"
              checked={v.permission === p}
              onChange={() => set('permission', p)}
            />
            <span>
              {es.permissions[p]} <span class="muted">({es.permissions[`${p}Hint`]})</span>
            </span>
          </label>
        ))}
        {errors.permission ? <p class="field-error">{errors.permission}</p> : null}
      </fieldset>
      <Field id="t-folios" label={es.transfer.folios} error={errors.folios_added}>
        {(a) => (
          <input {...a} type="text" inputMode="numeric" class="input--short" autoComplete="off" value={v.folios_added} onInput={(e) => set('folios_added', e.currentTarget.value)} />
        )}
      </Field>
      <Field id="t-volumes" label={es.transfer.volumes} error={errors.volumes_added}>
        {(a) => (
          <input {...a} type="text" inputMode="numeric" class="input--short" autoComplete="off" value={v.volumes_added} onInput={(e) => set('volumes_added', e.currentTarget.value)} />
        )}
      </Field>
      <Field id="t-notes" label={`${es.transfer.notes} ${es.common.optional}`} error={errors.notes} className="span-4">
        {(a) => <textarea {...a} rows={3} maxLength={1000} value={v.notes} onInput={(e) => set('notes', e.currentTarget.value)} />}
      </Field>
    </div>
  );
}
