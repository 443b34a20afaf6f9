import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client';
import { es } from '../i18n/es';
import { ErrorSummary, firstInvalid } from './ErrorSummary';

interface Props {
  title: string;
  submitLabel: string;
  /** Field path → [label, id], to link the server's field errors. */
  fields: Record<string, [string, string]>;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: (errors: Record<string, string>) => ComponentChildren;
}

/** A modal form: Intro saves, Esc cancels, the server's field errors show beside each field. */
export function FormDialog({ title, submitLabel, fields, onSubmit, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      await onSubmit();
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(err.fieldMap());
        const first = firstInvalid(fields, err.fieldMap());
        if (first) setTimeout(() => document.getElementById(first)?.focus(), 0);
      } else {
        setGeneral(errorMessage(err));
      }
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog dialog--wide" aria-labelledby="form-dialog-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate class="form">
        <h2 id="form-dialog-title">{title}</h2>
        <ErrorSummary errors={errors} fields={fields} message={general} />
        {children(errors)}
        <div class="form-actions">
          <button type="submit" class="btn btn--primary" disabled={busy}>
            {busy ? es.common.saving : submitLabel}
          </button>
          <button type="button" class="btn" onClick={onClose} disabled={busy}>
            {es.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
