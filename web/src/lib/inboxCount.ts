// How many transfers wait for the user's unit, for the badge beside "Por recibir".
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Page, Transfer } from '../api/types';

let count: number | null = null;
const listeners = new Set<(n: number | null) => void>();

export async function refreshInboxCount(): Promise<void> {
  try {
    const page = await api.get<Page<Transfer>>('/api/v1/inbox', { per_page: 1 });
    count = page.total;
  } catch {
    count = null;
  }
  for (const l of listeners) l(count);
}

export function useInboxCount(enabled: boolean): number | null {
  const [n, setN] = useState(count);
  useEffect(() => {
    if (!enabled) return;
    listeners.add(setN);
    void refreshInboxCount();
    const timer = setInterval(() => void refreshInboxCount(), 60_000);
    return () => {
      listeners.delete(setN);
      clearInterval(timer);
    };
  }, [enabled]);
  return enabled ? n : null;
}
