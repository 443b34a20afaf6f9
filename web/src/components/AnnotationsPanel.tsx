import { useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api/client';
import type { Annotation } from '../api/types';
import { es } from '../i18n/es';
import { formatDateTime } from '../lib/format';
import { flash } from '../lib/notices';
import { useSession } from '../lib/session';
import { ConfirmDialog } from './ConfirmDialog';
import { Field } from './Field';

interface Props {
  dossierId: number;
  annotations: Annotation[];
  mayAnnotate: boolean;
  onChanged: () => Promise<void>;
}

/** Internal notes: add (Ctrl+Intro), and remove one's own (ADMIN: any). */
export function AnnotationsPanel({ dossierId, annotations, mayAnnotate, onChanged }: Props) {
  const { me } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Annotation | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/dossiers/${dossierId}/annotations`, { text });
      setText('');
      flash(es.annotations.added);
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.fieldMap().text ?? errorMessage(err) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const list = [...annotations].sort((a, b) => b.id - a.id);
  return (
    <section class="card" aria-labelledby="annotations-title">
      <h2 id="annotations-title">{es.annotations.title}</h2>
      {!list.length ? <p class="empty">{es.annotations.empty}</p> : null}
      <ul class="notes" data-testid="annotations">
        {list.map((n) => (
          <li key={n.id} class="note">
            <p class="note__text">{n.text}</p>
            <p class="note__meta muted">
              {n.author} · {formatDateTime(n.created_at)}
              {n.author_id === me.user.id || me.user.profile === 'ADMIN' ? (
                <button type="button" class="btn btn--link" onClick={() => setRemoving(n)}>
                  {es.annotations.remove}
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {mayAnnotate ? (
        <form class="form" onSubmit={add} noValidate>
          <Field id="note-text" label={es.annotations.text} hint={es.annotations.textHint} error={error ?? undefined}>
            {(a) => (
              <textarea {...a} rows={3} maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            )}
          </Field>
          <div class="form-actions">
            <button type="submit" class="btn btn--primary" disabled={busy}>
              {es.annotations.add}
            </button>
          </div>
        </form>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={es.annotations.remove}
          message={es.annotations.removeConfirm}
          confirmLabel={es.annotations.remove}
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.del(`/api/v1/annotations/${removing.id}`);
            flash(es.annotations.removed);
            await onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
