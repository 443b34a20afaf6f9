// The signed-in user as every screen needs it, and what each profile may do in general.
// What the user may do to one dossier comes from the dossier's `allowed_actions`.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '../api/types';

export interface SessionValue {
  me: Me;
  logout: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

export const can = {
  register: (me: Me) => ['ADMIN', 'DESK', 'OFFICE'].includes(me.user.profile),
  receive: (me: Me) => ['ADMIN', 'DESK', 'OFFICE'].includes(me.user.profile),
  transfer: (me: Me) => ['ADMIN', 'DESK', 'OFFICE'].includes(me.user.profile),
  globalSearch: (me: Me) => ['ADMIN', 'AUTHORITY', 'DESK', 'OFFICE'].includes(me.user.profile),
  administer: (me: Me) => me.user.profile === 'ADMIN',
  printReceipt: (me: Me) => ['ADMIN', 'DESK', 'OFFICE'].includes(me.user.profile),
  /** May open the "Mesa virtual" tray page (the menu shows it on Me.handles_submissions; the
   *  server also requires working at the main desk, else the page shows its 403). */
  handleSubmissions: (me: Me) => ['ADMIN', 'DESK', 'OFFICE'].includes(me.user.profile),
  /** ADMIN has no unit: trays ask which unit to show. */
  pickTrayUnit: (me: Me) => me.unit === null,
};
