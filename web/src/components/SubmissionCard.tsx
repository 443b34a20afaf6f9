import { useState } from 'preact/hooks';
import type { Submission, SubmissionFile } from '../api/types';
import { es } from '../i18n/es';
import { formatDate, formatDateTime } from '../lib/format';
import { submissionFileUrl } from '../lib/receipt';
import { AttachmentPreview, canPreview } from './AttachmentPreview';
import { Link } from './Link';

interface Props {
  submission: Submission;
  onAccept: () => void;
  onObserve: () => void;
  onReject: () => void;
}

const S = es.submissions;

/**
 * One online submission as the desk reviews it: who files, what for, the documents (each can
 * be looked at here or downloaded) and, while it waits, the three answers.
 */
export function SubmissionCard({ submission: s, onAccept, onObserve, onReject }: Props) {
  const [preview, setPreview] = useState<SubmissionFile | null>(null);
  const a = s.applicant;
  const headingId = `sub-${s.id}-title`;
  const waiting = s.state === 'submitted';
  return (
    <article class="card subcard" aria-labelledby={headingId} data-testid="submission" data-number={s.number}>
      <header class="subcard__head">
        <h2 id={headingId}>{S.cardTitle(s.number)}</h2>
        <span class={`badge badge--sub-${s.state}`}>{S.state[s.state] ?? s.state}</span>
        <span class="muted subcard__when">
          {S.submittedAt}: <time dateTime={s.submitted_at ?? undefined}>{formatDateTime(s.submitted_at)}</time>
        </span>
      </header>
      <div class="subcard__grid">
        <div>
          <p class="subcard__summary">{s.summary}</p>
          <dl class="data-list">
            <div>
              <dt>{S.type}</dt>
              <dd>{s.type?.name ?? es.common.none}</dd>
            </div>
            <div>
              <dt>{S.organization}</dt>
              <dd>{s.organization?.name ?? es.common.none}</dd>
            </div>
            <div class="data-list__wide">
              <dt>{S.applicant}</dt>
              <dd>
                <strong>{a.name}</strong>
                <br />
                {es.idTypes[a.id_type] ?? a.id_type} {a.id_number}
              </dd>
            </div>
            <div>
              <dt>{S.email}</dt>
              <dd>{a.email || es.common.none}</dd>
            </div>
            <div>
              <dt>{S.phone}</dt>
              <dd>{a.phone || es.common.none}</dd>
            </div>
            {a.address ? (
              <div class="data-list__wide">
                <dt>{S.address}</dt>
                <dd>{a.address}</dd>
              </div>
            ) : null}
            <div class="data-list__wide">
              <dt>{S.consent}</dt>
              <dd>{a.consent ? S.consentYes : S.consentNo}</dd>
            </div>
          </dl>
        </div>
        <div>
          <h3 class="subcard__subtitle">{S.files}</h3>
          {s.files.length ? (
            <ul class="subcard__files" data-testid="submission-files">
              {s.files.map((f) => (
                <li key={f.id}>
                  <span class="subcard__file">
                    {f.name}
                    <span class="muted block">
                      {f.content_type} · {es.attachments.bytes(f.size)}
                    </span>
                  </span>
                  <span class="cell-actions">
                    {canPreview(f) ? (
                      <button
                        type="button"
                        class="btn btn--small"
                        aria-label={S.viewAria(f.name)}
                        aria-pressed={preview?.id === f.id ? 'true' : 'false'}
                        onClick={() => setPreview(preview?.id === f.id ? null : f)}
                      >
                        {S.view}
                      </button>
                    ) : null}
                    <a
                      class="btn btn--small"
                      href={submissionFileUrl(s.id, f.id)}
                      download={f.name}
                      aria-label={S.downloadAria(f.name)}
                    >
                      {S.download}
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{S.noFiles}</p>
          )}
          {s.state === 'observed' && s.observation ? (
            <div class="subcard__note">
              <p>
                <strong>{S.observation}:</strong> {s.observation}
              </p>
              {s.correction_deadline ? <p class="muted">{S.correctUntil(formatDate(s.correction_deadline))}</p> : null}
            </div>
          ) : null}
          {s.state === 'rejected' && s.rejection_reason ? (
            <div class="subcard__note subcard__note--bad">
              <p>
                <strong>{S.rejection}:</strong> {s.rejection_reason}
              </p>
            </div>
          ) : null}
          {s.state === 'accepted' && s.dossier_id ? (
            <p>
              <Link class="btn btn--small" href={`/expedientes/${s.dossier_id}`}>
                {S.openDossier}
              </Link>
            </p>
          ) : null}
          {s.decided_at && !waiting ? (
            <p class="muted">
              {S.decidedAt}: {formatDateTime(s.decided_at)}
            </p>
          ) : null}
        </div>
      </div>
      {preview ? (
        <AttachmentPreview
          key={preview.id}
          attachment={preview}
          src={submissionFileUrl(s.id, preview.id)}
          onClose={() => setPreview(null)}
        />
      ) : null}
      {waiting || s.state === 'observed' ? (
        <div class="actions-bar__buttons subcard__actions">
          {waiting ? (
            <button type="button" class="btn btn--primary" onClick={onAccept}>
              {S.accept}
            </button>
          ) : null}
          {waiting ? (
            <button type="button" class="btn" onClick={onObserve}>
              {S.observe}
            </button>
          ) : null}
          <button type="button" class="btn btn--danger" onClick={onReject}>
            {S.reject}
          </button>
        </div>
      ) : null}
    </article>
  );
}
