import { useCallback } from 'preact/hooks';
import { api } from '../api/client';
import type { Annotation, Attachment, Dossier, HistoryEvent, Page, Transfer } from '../api/types';
import { AnnotationsPanel } from '../components/AnnotationsPanel';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { CustodyLine } from '../components/CustodyLine';
import { DossierActions } from '../components/DossierActions';
import { DossierData } from '../components/DossierData';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { PageHeader } from '../components/PageHeader';
import { StateBadges } from '../components/StateBadges';
import { TransferList } from '../components/TransferList';
import { es } from '../i18n/es';
import { useAsync } from '../lib/useAsync';

interface Everything {
  dossier: Dossier;
  history: HistoryEvent[];
  transfers: Transfer[];
  attachments: Attachment[];
  annotations: Annotation[];
}

async function loadAll(id: number): Promise<Everything> {
  const base = `/api/v1/dossiers/${id}`;
  const [dossier, history, transfers, attachments, annotations] = await Promise.all([
    api.get<Dossier>(base),
    api.get<Page<HistoryEvent>>(`${base}/history`),
    api.get<Page<Transfer>>(`${base}/transfers`),
    api.get<Page<Attachment>>(`${base}/attachments`),
    api.get<Page<Annotation>>(`${base}/annotations`),
  ]);
  return {
    dossier,
    history: history.items,
    transfers: transfers.items,
    attachments: attachments.items,
    annotations: annotations.items,
  };
}

/** One dossier: data, who has it, actions allowed, history, transfers, files and notes. */
export function DossierPage({ id }: { id: number }) {
  const all = useAsync(() => loadAll(id), [id]);
  const reload = useCallback(() => all.reload(), [all.reload]);
  if (all.error && !all.data) return <PageHeader title={es.dossier.title(String(id))} intro={all.error} />;
  if (!all.data) return <p role="status">{es.app.loading}</p>;
  const { dossier: d, history, transfers, attachments, annotations } = all.data;
  const allowed = new Set(d.allowed_actions);
  return (
    <article class="dossier" data-testid="dossier" data-dossier-id={d.id}>
      <PageHeader title={es.dossier.title(d.code)}>
        <button type="button" class="btn" onClick={() => void reload()}>
          {es.dossier.reload}
        </button>
      </PageHeader>
      <div class="dossier__head card">
        <StateBadges dossier={d} />
        <p class="dossier__summary">{d.summary}</p>
        <p class="muted">
          {d.type.name}
          {d.applicant ? ` · ${d.applicant.name}` : ''}
        </p>
        <CustodyLine dossier={d} />
        <DossierActions dossier={d} onChanged={reload} />
      </div>
      <div class="dossier__grid">
        <div class="dossier__col">
          <DossierData dossier={d} />
          <AttachmentsPanel dossierId={d.id} attachments={attachments} mayUpload={allowed.has('upload')} onChanged={reload} />
        </div>
        <div class="dossier__col">
          <AnnotationsPanel dossierId={d.id} annotations={annotations} mayAnnotate={allowed.has('annotate')} onChanged={reload} />
          <HistoryTimeline events={history} />
        </div>
      </div>
      <TransferList transfers={transfers} onChanged={reload} />
    </article>
  );
}
