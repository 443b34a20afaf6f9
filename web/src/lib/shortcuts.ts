// Keyboard shortcuts for people who live in this application. Alt + letter works even while
// typing in a field (browsers reserve Alt+D, Alt+E and Alt+F, so those are not used); the
// physical key (event.code) is read so that macOS's Option characters do not matter.

export const NAV_SHORTCUTS: Record<string, string> = {
  KeyN: '/registrar',
  KeyR: '/bandeja/por-recibir',
  KeyM: '/bandeja/en-mi-mesa',
  KeyV: '/bandeja/enviados',
  KeyB: '/consulta',
  KeyP: '/pases-multiples',
};

export function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  const tag = t.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable;
}

/** Ctrl+Enter (or Cmd+Enter) in a textarea submits its form. */
export function submitFromTextarea(e: KeyboardEvent): boolean {
  const t = e.target;
  if (!(t instanceof HTMLTextAreaElement) || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return false;
  const form = t.form;
  if (!form) return false;
  e.preventDefault();
  form.requestSubmit();
  return true;
}
