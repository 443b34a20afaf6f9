// A number shown as a badge in the menu ("Por recibir", "Mesa virtual"): fetched when the
// menu mounts, every minute, and whenever a page that changes it asks for a refresh; one
// value shared by every component that shows it.
import { useEffect, useState } from 'preact/hooks';

export interface PolledTotal {
  refresh: () => Promise<void>;
  /** The latest total; null while unknown, on error, or when not `enabled`. */
  use: (enabled: boolean) => number | null;
}

export function createPolledTotal(fetchTotal: () => Promise<number>): PolledTotal {
  let total: number | null = null;
  const listeners = new Set<(n: number | null) => void>();

  async function refresh(): Promise<void> {
    try {
      total = await fetchTotal();
    } catch {
      total = null;
    }
    for (const l of listeners) l(total);
  }

  function use(enabled: boolean): number | null {
    const [n, setN] = useState(total);
    useEffect(() => {
      if (!enabled) return;
      listeners.add(setN);
      void refresh();
      const timer = setInterval(() => void refresh(), 60_000);
      return () => {
        listeners.delete(setN);
        clearInterval(timer);
      };
    }, [enabled]);
    return enabled ? n : null;
  }

  return { refresh, use };
}
