import { useState } from 'preact/hooks';
import { errorMessage, upload } from '../api/client';
import type { Attachment } from '../api/types';
import { es } from '../i18n/es';
import { formatDateTime } from '../lib/format';
import { flash } from '../lib/notices';
import { attachmentUrl } from '../lib/receipt';
import { AttachmentPreview, canPreview } from './AttachmentPreview';

interface Props {
  dossierId: number;
  attachments: Attachment[];
  mayUpload: boolean;
  onChanged: () => Promise<void>;
}

interface Progress {
  name: string;
  fraction: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error?: string;
}

/** Files of the dossier: list, preview, download and (if allowed) upload several with progress. */
export function AttachmentsPanel({ dossierId, attachments, mayUpload, onChanged }: Props) {
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<Progress[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const [dragging, setDragging] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const start = async () => {
    if (!files.length || busy) return;
    setBusy(true);
    const list: Progress[] = files.map((f) => ({ name: f.name, fraction: 0, state: 'waiting' }));
    setProgress([...list]);
    let ok = 0;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      list[i] = { ...list[i]!, state: 'uploading' };
      setProgress([...list]);
      try {
        await upload<Attachment>(
          `/api/v1/dossiers/${dossierId}/attachments?name=${encodeURIComponent(f.name)}`,
          f,
          (fraction) => {
            list[i] = { ...list[i]!, fraction };
            setProgress([...list]);
          },
        );
        list[i] = { ...list[i]!, fraction: 1, state: 'done' };
        ok++;
      } catch (e) {
        list[i] = { ...list[i]!, state: 'failed', error: errorMessage(e) };
      }
      setProgress([...list]);
    }
    setFiles([]);
    setInputKey((k) => k + 1);
    setBusy(false);
    if (ok) flash(es.attachments.uploadedCount(ok));
    await onChanged();
  };

  const sorted = [...attachments].sort((a, b) => b.id - a.id);
  return (
    <section
      class={`card${dragging ? ' card--drop' : ''}`}
      aria-labelledby="attachments-title"
      onDragOver={(e) => {
        if (!mayUpload) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!mayUpload) return;
        e.preventDefault();
        setDragging(false);
        const dropped = Array.from(e.dataTransfer?.files ?? []);
        if (dropped.length) setFiles((old) => [...old, ...dropped]);
      }}
    >
      <h2 id="attachments-title">{es.attachments.title}</h2>
      {!sorted.length ? <p class="empty">{es.attachments.empty}</p> : null}
      {sorted.length ? (
        <div class="table-wrap">
          <table class="table table--cards table--compact" data-testid="attachments">
            <thead>
              <tr>
                <th scope="col">{es.attachments.name}</th>
                <th scope="col">{es.attachments.size}</th>
                <th scope="col">{es.attachments.uploaded}</th>
                <th scope="col">{es.common.actions}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => (
                <tr key={a.id}>
                  <td data-label={es.attachments.name} class="col-summary">
                    {a.name}
                    <span class="muted block">
                      {a.content_type}
                      {a.version > 1 ? ` · ${es.attachments.version} ${a.version}` : ''}
                    </span>
                  </td>
                  <td data-label={es.attachments.size}>{es.attachments.bytes(a.size)}</td>
                  <td data-label={es.attachments.uploaded} class="nowrap">
                    {formatDateTime(a.created_at)}
                  </td>
                  <td data-label={es.common.actions} class="cell-actions">
                    {canPreview(a) ? (
                      <button
                        type="button"
                        class="btn btn--small"
                        aria-pressed={preview?.id === a.id ? 'true' : 'false'}
                        onClick={() => setPreview(preview?.id === a.id ? null : a)}
                      >
                        {es.attachments.preview}
                      </button>
                    ) : null}
                    <a class="btn btn--small" href={attachmentUrl(a.id, true)} download={a.name}>
                      {es.attachments.download}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview ? <AttachmentPreview key={preview.id} attachment={preview} onClose={() => setPreview(null)} /> : null}
      {mayUpload ? (
        <div class="upload">
          <p class="upload__label" id="att-files-title">
            {es.attachments.choose}
          </p>
          <div class="upload__row">
            <input
              key={inputKey}
              id="att-files"
              class="file-input"
              type="file"
              multiple
              aria-labelledby="att-files-title"
              aria-describedby="att-files-hint att-files-chosen"
              onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
            />
            <label for="att-files" class="btn">
              {es.attachments.pick}
            </label>
            <span id="att-files-chosen" class="muted">
              {files.length ? es.attachments.chosen(files.map((f) => f.name)) : es.attachments.noneChosen}
            </span>
          </div>
          <p class="hint" id="att-files-hint">
            {es.attachments.chooseHint}
          </p>
          <button type="button" class="btn btn--primary" disabled={!files.length || busy} onClick={start}>
            {busy ? es.attachments.uploading : es.attachments.uploadN(files.length)}
          </button>
          {progress.length ? (
            <ul class="upload__progress" aria-live="polite" data-testid="upload-progress">
              {progress.map((p, i) => (
                <li key={`${p.name}-${i}`}>
                  <span class="upload__name">{p.name}</span>
                  <progress max={1} value={p.fraction} aria-label={es.attachments.progress(p.name)} />
                  <span class={`upload__state upload__state--${p.state}`}>
                    {p.state === 'done'
                      ? es.attachments.done
                      : p.state === 'failed'
                        ? `${es.attachments.failed}: ${p.error ?? ''}`
                        : `${Math.round(p.fraction * 100)} %`}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
