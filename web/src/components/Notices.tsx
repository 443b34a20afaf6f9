import { useEffect, useState } from 'preact/hooks';
import { es } from '../i18n/es';
import { dismiss, subscribeNotices } from '../lib/notices';
import type { Notice } from '../lib/notices';

/** The messages left by the last actions ("Pase enviado…"), newest last. */
export function Notices() {
  const [list, setList] = useState<Notice[]>([]);
  useEffect(() => subscribeNotices(setList), []);
  return (
    <div class="notices" aria-live="polite">
      {list.map((n) => (
        <div key={n.id} class={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" class="notice__close" aria-label={es.common.close} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
