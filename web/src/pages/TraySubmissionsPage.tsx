import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AcceptResult, Page, Submission, SubmissionState } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Link } from '../components/Link';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { SubmissionCard } from '../components/SubmissionCard';
import { SubmissionDecisionDialog } from '../components/SubmissionDecisionDialog';
import { es } from '../i18n/es';
import { flash } from '../lib/notices';
import { usePageParam } from '../lib/paging';
import { receiptUrl } from '../lib/receipt';
import { pathWithQuery, useLocation } from '../lib/router';
import { refreshSubmissionCount } from '../lib/submissionCount';
import { useAsync } from '../lib/useAsync';

const PATH = '/bandeja/mesa-virtual';
const STATES: SubmissionState[] = ['submitted', 'observed', 'rejected', 'accepted'];
const PER_PAGE = 20;
const S = es.submissions;

type Dialog = { kind: 'accept' | 'observe' | 'reject'; submission: Submission };

/**
 * "Mesa virtual": what citizens filed online, oldest first. The desk accepts (the dossier is
 * born with its code and PIN; the receipt can be printed at once), observes or rejects.
 */
export function TraySubmissionsPage() {
  const loc = useLocation();
  const asked = loc.query.get('estado') as SubmissionState | null;
  const state: SubmissionState = asked && STATES.includes(asked) ? asked : 'submitted';
  const [page, setPage] = usePageParam();
  const list = useAsync(
    () => api.get<Page<Submission>>('/api/v1/submissions', { state, page, per_page: PER_PAGE }),
    [state, page],
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [accepted, setAccepted] = useState<{ number: string; result: AcceptResult } | null>(null);
  const items = list.data?.items ?? [];

  const changed = async () => {
    await list.reload();
    void refreshSubmissionCount();
  };

  return (
    <>
      <PageHeader title={S.title} intro={S.intro}>
        <button type="button" class="btn" onClick={() => void list.reload()}>
          {es.common.refresh}
        </button>
      </PageHeader>
      <nav class="tabs" aria-label={S.filter}>
        {STATES.map((s) => (
          <Link
            key={s}
            href={pathWithQuery(PATH, { estado: s === 'submitted' ? '' : s })}
            class={`tabs__tab${s === state ? ' tabs__tab--current' : ''}`}
            aria-current={s === state ? 'page' : undefined}
          >
            {S.states[s]}
          </Link>
        ))}
      </nav>
      {accepted ? (
        <div class="saved-panel saved-panel--row" role="status" data-testid="accepted-panel">
          <div>
            <p class="saved-panel__title">{S.accepted(accepted.number, accepted.result.code)}</p>
            <p class="muted">
              {S.acceptedPin(accepted.result.pin)} · {S.acceptedMail}
            </p>
          </div>
          <p class="saved-panel__links">
            <a class="btn btn--small" href={receiptUrl(accepted.result.dossier_id)} target="_blank" rel="noopener">
              {S.receipt}
            </a>
            <Link class="btn btn--small" href={`/expedientes/${accepted.result.dossier_id}`}>
              {S.openDossier}
            </Link>
          </p>
        </div>
      ) : null}
      {list.error ? (
        <p class="notice notice--error" role="alert">
          {list.errorStatus === 403 ? `${S.notAllowed} ${list.error}` : list.error}
        </p>
      ) : null}
      {list.loading && !list.data ? <p role="status">{es.common.loadingList}</p> : null}
      {list.data && !items.length ? <p class="empty">{S.empty[state]}</p> : null}
      {items.length ? (
        <p class="muted" data-testid="submission-count">
          {S.total(list.data?.total ?? 0)}
        </p>
      ) : null}
      <div class="subcards" data-testid="submissions">
        {items.map((s) => (
          <SubmissionCard
            key={s.id}
            submission={s}
            onAccept={() => setDialog({ kind: 'accept', submission: s })}
            onObserve={() => setDialog({ kind: 'observe', submission: s })}
            onReject={() => setDialog({ kind: 'reject', submission: s })}
          />
        ))}
      </div>
      {list.data ? <Pager page={page} perPage={PER_PAGE} total={list.data.total} onPage={setPage} /> : null}
      {dialog?.kind === 'accept' ? (
        <ConfirmDialog
          title={S.acceptTitle(dialog.submission.number)}
          message={S.acceptConfirm}
          confirmLabel={S.accept}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await api.post<AcceptResult>(`/api/v1/submissions/${dialog.submission.id}/accept`);
            setAccepted({ number: dialog.submission.number, result });
            await changed();
          }}
        />
      ) : null}
      {dialog && dialog.kind !== 'accept' ? (
        <SubmissionDecisionDialog
          kind={dialog.kind}
          submission={dialog.submission}
          onClose={() => setDialog(null)}
          onDone={(s) => {
            flash(dialog.kind === 'observe' ? S.observed(s.number) : S.rejected(s.number));
            setAccepted(null);
            void changed();
          }}
        />
      ) : null}
    </>
  );
}
