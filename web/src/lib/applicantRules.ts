// The server's rules for an applicant and a summary (src/domain/identity.cpp,
// ValidateRegistration, ValidateSubmission), checked in the browser so that the citizen hears
// of a mistake at once. The server checks everything again: its answer is the final word.
import type { IdType } from '../api/types';
import { es } from '../i18n/es';

const E = es.citizen.errors;

/** Texts are trimmed; the document number is also upper-cased (as the server does). */
export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

/** RUC: 11 digits, starts with 10, 15, 17 or 20, modulo-11 check digit last. */
export function isValidRuc(ruc: string): boolean {
  if (!/^(10|15|17|20)\d{9}$/.test(ruc)) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(ruc[i]) * weights[i]!;
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  else if (check === 11) check = 1;
  return Number(ruc[10]) === check;
}

/** The message for a document number that does not fit its type, or null. */
export function idNumberProblem(type: IdType, raw: string): string | null {
  const n = normalizeIdNumber(raw);
  if (!n) return E.required;
  switch (type) {
    case 'DNI':
      return /^\d{8}$/.test(n) ? null : E.DNI;
    case 'RUC':
      return isValidRuc(n) ? null : E.RUC;
    case 'CE':
      return /^[A-Z0-9]{9,12}$/.test(n) ? null : E.CE;
    case 'PASSPORT':
      return /^[A-Z0-9]{6,12}$/.test(n) ? null : E.PASSPORT;
  }
  return E.required;
}

/** Characters, as the server counts them (code points, not UTF-16 units). */
export function length(s: string): number {
  return [...s].length;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A required one-line text of `min`..`max` characters (after trimming). */
export function textProblem(s: string, min: number, max: number, required = true): string | null {
  const t = s.trim();
  if (!t) return required ? E.required : null;
  if (CONTROL.test(t)) return E.badCharacters;
  if (length(t) < min) return E.tooShort(min);
  if (length(t) > max) return E.tooLong(max);
  return null;
}

/** The API's e-mail rule: one '@' not first, a '.' in the domain, no spaces, ≤ 254 bytes. */
export function emailProblem(s: string, required: boolean): string | null {
  const t = s.trim();
  if (!t) return required ? E.required : null;
  if (new TextEncoder().encode(t).length > 254 || !/^[^@ ]+@[^@ .][^@ ]*\.[^@ ]+$/.test(t)) return E.email;
  return null;
}

/** 6 to 15 digits; spaces, '+', '-', '(' and ')' between them. */
export function phoneProblem(s: string): string | null {
  const t = s.trim();
  if (!t) return null;
  return /^[ +()-]*([0-9][ +()-]*){6,15}$/.test(t) ? null : E.phone;
}
