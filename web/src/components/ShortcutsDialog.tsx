import { useEffect, useRef } from 'preact/hooks';
import { es } from '../i18n/es';

/** The list of keyboard shortcuts ("?" or the header button opens it). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose}>
      <h2 id="shortcuts-title">{es.shortcuts.title}</h2>
      <p>{es.shortcuts.intro}</p>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{es.shortcuts.keys}</th>
            <th scope="col">{es.shortcuts.action}</th>
          </tr>
        </thead>
        <tbody>
          {es.shortcuts.list.map(([k, a]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{a}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-actions">
        <button type="button" class="btn btn--primary" onClick={onClose} autoFocus>
          {es.shortcuts.close}
        </button>
      </div>
    </dialog>
  );
}
