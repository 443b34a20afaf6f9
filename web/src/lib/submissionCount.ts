// How many online submissions wait at the user's desk, for the badge beside "Mesa virtual".
// The server answers 403 to those who do not work at their organisation's main desk: then
// the menu hides the entry.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Page, Submission } from '../api/types';

export interface SubmissionCount {
  /** False once the server said this user may not see the tray. */
  allowed: boolean;
  count: number | null;
}

let value: SubmissionCount = { allowed: true, count: null };
const listeners = new Set<(v: SubmissionCount) => void>();

export async function refreshSubmissionCount(): Promise<void> {
  try {
    const page = await api.get<Page<Submission>>('/api/v1/submissions', { state: 'submitted', per_page: 1 });
    value = { allowed: true, count: page.total };
  } catch (e) {
    value = { allowed: !(e instanceof ApiError && e.status === 403), count: null };
  }
  for (const l of listeners) l(value);
}

export function useSubmissionCount(enabled: boolean): SubmissionCount {
  const [v, setV] = useState(value);
  useEffect(() => {
    if (!enabled) return;
    listeners.add(setV);
    void refreshSubmissionCount();
    const timer = setInterval(() => void refreshSubmissionCount(), 60_000);
    return () => {
      listeners.delete(setV);
      clearInterval(timer);
    };
  }, [enabled]);
  return enabled ? v : { allowed: false, count: null };
}
