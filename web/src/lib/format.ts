// Dates and durations as the desk reads them: dd/mm/yyyy HH:MM in the organisation's time
// zone. The API already writes instants in that zone ("2026-03-10T09:02:11-05:00"), so the
// wall time is taken from the text itself and the browser's own zone does not matter.
import { es } from '../i18n/es';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return es.common.none;
  const m = ISO.exec(iso);
  if (!m) return iso;
  const date = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return es.common.none;
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "45 min", "3 h 10 min", "2 d 5 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return es.time.lessThanMinute;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return es.time.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return es.time.hours(hours, minutes % 60);
  return es.time.days(Math.floor(hours / 24), hours % 24);
}

/** Seconds elapsed since an ISO instant (for "time in custody"). */
export function secondsSince(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : (Date.now() - t) / 1000;
}

/** Today as YYYY-MM-DD (for file names). */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "5/3/2026", "05-03-2026" or "05.03.2026" → "2026-03-05"; null if it is not a real date. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2026-03-05" → "05/03/2026" (anything else is returned as is). */
export function isoToDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
