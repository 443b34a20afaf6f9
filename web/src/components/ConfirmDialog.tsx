import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/client';
import { es } from '../i18n/es';

interface Props {
  title: string;
  message?: string;
  confirmLabel: string;
  /** Ask for a reason (sent with the action). */
  withReason?: boolean;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  children?: ComponentChildren;
}

/** A modal <dialog>: Esc or "Cancelar" closes it; errors of the action show inside. */
export function ConfirmDialog({ title, message, confirmLabel, withReason, danger, onConfirm, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} method="dialog">
        <h2 id="dialog-title">{title}</h2>
        {message ? <p>{message}</p> : null}
        {children}
        {withReason ? (
          <div class="field">
            <label for="dialog-reason">{es.common.reasonOptional}</label>
            <textarea
              id="dialog-reason"
              rows={3}
              maxLength={1000}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </div>
        ) : null}
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="form-actions">
          <button type="submit" class={`btn ${danger ? 'btn--danger' : 'btn--primary'}`} disabled={busy} autoFocus={!withReason}>
            {busy ? es.common.saving : confirmLabel}
          </button>
          <button type="button" class="btn" onClick={onClose} disabled={busy}>
            {es.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
