import { useEffect, useState } from 'preact/hooks';
import type { Attachment } from '../api/types';
import { es } from '../i18n/es';
import { attachmentUrl } from '../lib/receipt';

/** What a preview needs of a file: a dossier's attachment or a submission's document. */
type Previewable = Pick<Attachment, 'id' | 'name' | 'content_type'>;

export function canPreview(a: Pick<Attachment, 'content_type'>): boolean {
  return a.content_type === 'application/pdf' || a.content_type.startsWith('image/') || a.content_type === 'text/plain';
}

/**
 * A PDF or text is fetched and shown from a blob: URL (the download itself is sandboxed by the
 * server's CSP, which would block the PDF viewer in a frame); an image loads directly.
 */
export function AttachmentPreview({
  attachment: a,
  src,
  onClose,
}: {
  attachment: Previewable;
  /** Where the content is; a dossier's attachment by default. */
  src?: string;
  onClose: () => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const image = a.content_type.startsWith('image/');
  const content = src ?? attachmentUrl(a.id);

  useEffect(() => {
    if (image) return;
    let alive = true;
    let made: string | null = null;
    fetch(content, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((b) => {
        if (!alive) return;
        made = URL.createObjectURL(new Blob([b], { type: a.content_type }));
        setUrl(made);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [content]);

  return (
    <div class="preview" data-testid="preview">
      <div class="preview__bar">
        <strong>{es.attachments.previewTitle(a.name)}</strong>
        <button type="button" class="btn btn--small" onClick={onClose}>
          {es.attachments.hidePreview}
        </button>
      </div>
      {image ? <img class="preview__image" src={content} alt={a.name} /> : null}
      {!image && url ? <iframe class="preview__frame" src={url} title={es.attachments.previewTitle(a.name)} /> : null}
      {!image && !url && !failed ? <p role="status">{es.app.loading}</p> : null}
      {failed ? <p class="notice notice--error">{es.attachments.noPreview}</p> : null}
    </div>
  );
}
