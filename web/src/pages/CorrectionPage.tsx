import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, errorMessage, upload } from '../api/client';
import type { SubmissionFile, SubmissionReceipt, Tracking } from '../api/types';
import { CitizenFilePicker } from '../components/CitizenFilePicker';
import { es } from '../i18n/es';
import { formatDate } from '../lib/format';
import type { ChosenFile } from '../lib/submissionFiles';
import { choose, MAX_FILE_MB, MAX_FILES, MAX_TOTAL_MB, setProblem } from '../lib/submissionFiles';
import { useAsync } from '../lib/useAsync';

const C = es.correction;

type Phase = { kind: 'upload'; index: number; of: number } | { kind: 'submit' };

/**
 * "/mesa-virtual/subsanar/{token}": the desk observed the submission; the citizen reads what to
 * correct, adds documents (each stored at once, with its progress bar) and sends it back to
 * the desk's tray. The tracking token of the link is the only credential.
 */
export function CorrectionPage({ token }: { token: string }) {
  const path = `/api/v1/public/tracking/${encodeURIComponent(token)}`;
  const t = useAsync(() => api.get<Tracking>(path), [token]);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [done, setDone] = useState(false);
  const busy = phase !== null;
  const tracking = t.data;
  const title = tracking?.number ? C.titleWith(tracking.number) : C.title;
  const trackingHref = `/t/${encodeURIComponent(token)}`;

  useEffect(() => {
    document.title = es.citizen.pageTitle(title);
  }, [title]);

  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const patchFile = (key: string, change: Partial<ChosenFile>) =>
    setFiles((old) => old.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const send = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const pending = files.filter((f) => f.state !== 'done');
    const problem = files.length ? setProblem(pending) : es.citizen.errors.needFile;
    if (problem) {
      setError(problem);
      document.getElementById('r-files')?.focus();
      return;
    }
    setError(null);
    for (let i = 0; i < pending.length; i++) {
      const f = pending[i]!;
      setPhase({ kind: 'upload', index: i + 1, of: pending.length });
      patchFile(f.key, { state: 'uploading', fraction: 0, error: undefined });
      try {
        await upload<SubmissionFile>(
          `${path}/attachments?name=${encodeURIComponent(f.file.name)}`,
          f.file,
          (fraction) => patchFile(f.key, { fraction }),
        );
        patchFile(f.key, { state: 'done', fraction: 1 });
      } catch (err) {
        const why = errorMessage(err);
        patchFile(f.key, { state: 'failed', error: why });
        setError(`${es.citizen.uploadFailed(f.file.name, why)}`);
        setPhase(null);
        return;
      }
    }
    setPhase({ kind: 'submit' });
    try {
      await api.post<SubmissionReceipt>(`${path}/resubmit`);
      setDone(true);
      setTimeout(() => document.getElementById('main-title')?.focus(), 0);
      void t.reload();
    } catch (err) {
      setError(err instanceof ApiError && err.status !== 0 ? errorMessage(err) : es.citizen.submitFailed);
    } finally {
      setPhase(null);
    }
  };

  const header = (
    <header class="page-header citizen__header">
      <div class="page-header__text">
        <h1 id="main-title" tabIndex={-1}>
          {tracking?.number ? (
            <>
              {C.title} <span class="nowrap">{tracking.number}</span>
            </>
          ) : (
            title
          )}
        </h1>
        {tracking && tracking.can_correct && !done ? <p class="page-header__intro">{C.intro}</p> : null}
      </div>
    </header>
  );

  if (t.error && !tracking) {
    return (
      <div class="citizen">
        {header}
        <p class="notice notice--error" role="alert">
          {t.errorStatus === 404 ? C.notFound : t.error}
        </p>
      </div>
    );
  }
  if (!tracking) {
    return (
      <div class="citizen">
        {header}
        <p role="status">{es.app.loading}</p>
      </div>
    );
  }

  const uploadedBefore = files.filter((f) => f.state === 'done').length;
  const status =
    phase?.kind === 'upload' ? C.steps.upload(phase.index, phase.of) : phase?.kind === 'submit' ? C.steps.submit : '';
  const closedMessage =
    tracking.state === 'submitted'
      ? C.closed.submitted
      : tracking.state === 'rejected'
        ? C.closed.rejected
        : tracking.state === 'observed'
          ? C.closed.expired
          : C.closed.other;

  return (
    <div class="citizen" data-testid="correction">
      {header}
      {done ? (
        <div class="saved-panel" role="status" data-testid="correction-done">
          <p class="saved-panel__title">{C.done}</p>
          {files.some((f) => f.state === 'done') ? (
            <p>{C.doneFiles(files.filter((f) => f.state === 'done').map((f) => f.file.name))}</p>
          ) : null}
        </div>
      ) : null}
      <section class="citizen__section">
        <dl class="citizen__facts">
          <div>
            <dt>{C.state}</dt>
            <dd>
              <span class={`badge badge--${tracking.state}`}>{C.states[tracking.state] ?? tracking.state}</span>
            </dd>
          </div>
          {tracking.organization ? (
            <div>
              <dt>{C.organization}</dt>
              <dd>{tracking.organization}</dd>
            </div>
          ) : null}
          {tracking.summary ? (
            <div>
              <dt>{C.summary}</dt>
              <dd>{tracking.summary}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {tracking.state === 'observed' && tracking.observation && !done ? (
        <section class="citizen__section citizen__observation" aria-labelledby="r-observation" data-testid="observation">
          <h2 id="r-observation">{C.observation}</h2>
          <p class="citizen__quote">{tracking.observation}</p>
          {tracking.correction_deadline ? <p>{C.deadline(formatDate(tracking.correction_deadline))}</p> : null}
        </section>
      ) : null}
      {tracking.state === 'rejected' && tracking.rejection_reason ? (
        <section class="citizen__section citizen__observation">
          <h2>{C.rejection}</h2>
          <p class="citizen__quote">{tracking.rejection_reason}</p>
        </section>
      ) : null}
      {tracking.can_correct && !done ? (
        <form class="citizen__form" onSubmit={send} noValidate aria-busy={busy ? 'true' : 'false'}>
          {error ? (
            <div class="error-summary" role="alert">
              <p>{error}</p>
            </div>
          ) : null}
          <section class="citizen__section">
            <CitizenFilePicker
              id="r-files"
              label={C.files}
              hint={es.citizen.filesHint(MAX_FILES, MAX_FILE_MB, MAX_TOTAL_MB)}
              files={files}
              busy={busy}
              fixed={(f) => f.state === 'done'}
              onAdd={(chosen) =>
                void choose(chosen).then((judged) => {
                  setFiles((old) => [...old, ...judged]);
                  setError(null);
                })
              }
              onRemove={(key) => setFiles((old) => old.filter((f) => f.key !== key))}
            />
            {uploadedBefore && !busy ? <p class="hint">{C.alreadyUploaded(uploadedBefore)}</p> : null}
          </section>
          <div class="citizen__submit">
            <button type="submit" class="btn btn--primary btn--big btn--block" disabled={busy}>
              {busy ? status : C.submit}
            </button>
            <p class="citizen__status" role="status" aria-live="polite">
              {busy ? `${status} ${es.citizen.keepOpen}` : ''}
            </p>
          </div>
        </form>
      ) : null}
      {!tracking.can_correct && !done ? <p class="notice notice--info">{closedMessage}</p> : null}
      <p class="citizen__links">
        <a class="btn btn--big" href={trackingHref}>
          {C.openTracking}
        </a>
      </p>
    </div>
  );
}
