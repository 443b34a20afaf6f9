// Short messages after an action ("Pase enviado…"), shown at the top of the page and read by
// screen readers; they survive a navigation so a form can say what it did and move on.
export type NoticeKind = 'success' | 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  at: number;
}

let next = 1;
let notices: Notice[] = [];
const listeners = new Set<(n: Notice[]) => void>();

function emit(): void {
  for (const l of listeners) l(notices);
}

export function flash(text: string, kind: NoticeKind = 'success'): void {
  const n = { id: next++, kind, text, at: Date.now() };
  notices = [...notices.slice(-3), n];
  emit();
  if (kind !== 'error') setTimeout(() => dismiss(n.id), 8000);
}

export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

/** After a navigation: keep only what the action that navigated has just said. */
export function pruneNotices(): void {
  const now = Date.now();
  const kept = notices.filter((n) => now - n.at < 1500);
  if (kept.length !== notices.length) {
    notices = kept;
    emit();
  }
}

export function clearNotices(): void {
  notices = [];
  emit();
}

export function subscribeNotices(l: (n: Notice[]) => void): () => void {
  listeners.add(l);
  l(notices);
  return () => {
    listeners.delete(l);
  };
}
