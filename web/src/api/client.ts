// The one way the application talks to the server: JSON over fetch with the session
// cookie, the CSRF header on every unsafe request, and RFC 9457 problems turned into
// ApiError (with the field errors keyed by their JSON path). Uploads use XMLHttpRequest
// because fetch cannot report upload progress.
import { es } from '../i18n/es';
import type { FieldError, Page, Problem } from './types';

const CSRF_KEY = 'sige.csrf';

export function csrfToken(): string | null {
  return sessionStorage.getItem(CSRF_KEY);
}

export function setCsrfToken(token: string | null): void {
  if (token) {
    sessionStorage.setItem(CSRF_KEY, token);
  } else {
    sessionStorage.removeItem(CSRF_KEY);
  }
}

/** A failed request: HTTP status, the problem the server sent, and its field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly fields: FieldError[];
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem | null, retryAfter: number | null = null) {
    super(problem?.detail || problem?.title || es.errors.http(status));
    this.status = status;
    this.problem = problem;
    this.fields = problem?.errors ?? [];
    this.retryAfter = retryAfter;
  }

  /** Field path ("applicant.id_number") → message; the first message of each path. */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.fields) {
      if (!(e.field in out)) out[e.field] = e.message;
    }
    return out;
  }
}

/** Called when the server says the session is gone (401), so the app can show the login. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function readProblem(res: Response): Promise<Problem | null> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await res.json()) as Problem;
  } catch {
    return null;
  }
}

function unsafe(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

function headersFor(method: string, json: boolean, extra?: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json, application/problem+json', ...extra };
  if (json) h['Content-Type'] = 'application/json';
  const csrf = csrfToken();
  if (unsafe(method) && csrf) h['X-CSRF-Token'] = csrf;
  return h;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers: headersFor(method, body !== undefined, extraHeaders),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    const retry = Number(res.headers.get('retry-after'));
    const err = new ApiError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
    if (res.status === 401 && path !== '/api/v1/session' && onUnauthorized) onUnauthorized();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  /** A POST with extra headers (the virtual desk's `X-Upload-Token`). */
  postWith: <T>(path: string, body: unknown, headers: Record<string, string>) =>
    request<T>('POST', path, body, undefined, headers),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Every page of a list, up to `limit` items (for exports and small catalogues). */
export async function getAll<T>(path: string, query: Query = {}, limit = 5000): Promise<Page<T>> {
  const perPage = 500;
  const items: T[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await api.get<Page<T>>(path, { ...query, page, per_page: perPage });
    items.push(...res.items);
    total = res.total;
    if (res.items.length < perPage || items.length >= total || items.length >= limit) break;
  }
  return { items, total };
}

/**
 * Uploads a file as the raw body; `onProgress` gets the fraction sent (0..1). `headers` are
 * sent too (the virtual desk's `X-Upload-Token`).
 */
export function upload<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
  headers: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(parsed as T);
      } else {
        if (xhr.status === 401 && onUnauthorized) onUnauthorized();
        reject(new ApiError(xhr.status, parsed as Problem | null));
      }
    };
    xhr.send(file);
  });
}

/** The message to show for any error thrown by the functions above. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return es.errors.network;
    return e.message;
  }
  return es.errors.unexpected;
}
