import { useState } from 'preact/hooks';
import { es } from '../i18n/es';
import type { ChosenFile } from '../lib/submissionFiles';
import { totalBytes } from '../lib/submissionFiles';

interface Props {
  /** Id of the file input (the error summary jumps here). */
  id: string;
  label: string;
  hint: string;
  files: ChosenFile[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  /** Files that may no longer be removed (already part of the submission). */
  fixed?: (f: ChosenFile) => boolean;
  busy: boolean;
  /** A problem of the whole set (count, total size). */
  error?: string | undefined;
}

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/**
 * The citizen's documents: a big "Agregar documentos" button (and drag and drop on a
 * computer), one row per file with its real type and size, what is wrong with it, and a
 * progress bar while it uploads.
 */
export function CitizenFilePicker({ id, label, hint, files, onAdd, onRemove, fixed, busy, error }: Props) {
  const [inputKey, setInputKey] = useState(0);
  const [dragging, setDragging] = useState(false);
  const describedBy = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div
      class={`cfiles${dragging ? ' cfiles--drop' : ''}${error ? ' cfiles--invalid' : ''}`}
      onDragOver={(e) => {
        if (busy) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (busy) return;
        const dropped = Array.from(e.dataTransfer?.files ?? []);
        if (dropped.length) onAdd(dropped);
      }}
    >
      <p class="cfiles__label" id={`${id}-label`}>
        {label}
      </p>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div class="cfiles__pick">
        <input
          key={inputKey}
          id={id}
          class="file-input"
          type="file"
          multiple
          accept={ACCEPT}
          disabled={busy}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onChange={(e) => {
            const chosen = Array.from(e.currentTarget.files ?? []);
            setInputKey((k) => k + 1); // the same file may be chosen again after removing it
            if (chosen.length) onAdd(chosen);
          }}
        />
        <label for={id} class={`btn btn--big${busy ? ' btn--disabled' : ''}`}>
          <span aria-hidden="true">+</span> {es.citizen.pick}
        </label>
        <span class="muted cfiles__droptext">{es.citizen.dropHere}</span>
      </div>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {files.length ? (
        <ul class="cfiles__list" data-testid="citizen-files">
          {files.map((f) => {
            const kind = f.kind ? (es.citizen.fileKinds[f.kind] ?? f.kind) : null;
            const showProgress = f.state !== 'ready';
            return (
              <li key={f.key} class={`cfile cfile--${f.state}${f.problem ? ' cfile--bad' : ''}`} data-testid="citizen-file">
                <span class="cfile__icon" aria-hidden="true">
                  {f.kind === 'application/pdf' ? 'PDF' : f.kind ? 'IMG' : '?'}
                </span>
                <div class="cfile__main">
                  <span class="cfile__name">{f.file.name}</span>
                  <span class="cfile__meta">
                    {[kind, es.attachments.bytes(f.file.size)].filter(Boolean).join(' · ')}
                  </span>
                  {f.problem ? <span class="field-error">{f.problem}</span> : null}
                  {showProgress ? (
                    <span class="cfile__progress">
                      <progress max={1} value={f.fraction} aria-label={es.citizen.progress(f.file.name)} />
                      <span class={`cfile__state upload__state--${f.state}`}>
                        {f.state === 'done'
                          ? es.citizen.uploaded
                          : f.state === 'failed'
                            ? es.attachments.failed
                            : f.state === 'waiting'
                              ? es.citizen.waiting
                              : `${Math.round(f.fraction * 100)} %`}
                      </span>
                    </span>
                  ) : null}
                  {f.state === 'failed' && f.error ? <span class="field-error">{f.error}</span> : null}
                </div>
                {!busy && !(fixed && fixed(f)) ? (
                  <button
                    type="button"
                    class="btn btn--small"
                    aria-label={es.citizen.removeAria(f.file.name)}
                    onClick={() => onRemove(f.key)}
                  >
                    {es.citizen.remove}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{es.citizen.noFiles}</p>
      )}
      {files.length ? (
        <p class="muted cfiles__usage">{es.citizen.usage(files.length, es.attachments.bytes(totalBytes(files)))}</p>
      ) : null}
    </div>
  );
}
