// What the virtual desk accepts (src/domain/submission.hpp): PDF, JPEG or PNG judged by the
// content, at most 10 MB a file, 30 MB and 10 files a submission. The browser reads each
// file's first bytes to tell the citizen at once; the server sniffs the content again.
import { es } from '../i18n/es';

export const MAX_FILES = 10;
export const MAX_FILE_MB = 10;
export const MAX_TOTAL_MB = 30;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
export const MAX_TOTAL_BYTES = MAX_TOTAL_MB * 1024 * 1024;
const MAX_NAME = 200;

export type FileKind = 'application/pdf' | 'image/jpeg' | 'image/png';

export type UploadState = 'ready' | 'waiting' | 'uploading' | 'done' | 'failed';

/** A file the citizen chose, what its bytes say it is, and how its upload goes. */
export interface ChosenFile {
  key: string;
  file: File;
  kind: FileKind | null;
  /** Why it cannot be sent as it is (type, size, name), or null. */
  problem: string | null;
  state: UploadState;
  fraction: number;
  error?: string;
}

let seq = 0;

/** The type the first bytes reveal ("%PDF-", FF D8 FF, the PNG signature), or null. */
export async function sniff(file: File): Promise<FileKind | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** Reads the files' first bytes and judges each one by itself. */
export async function choose(files: File[]): Promise<ChosenFile[]> {
  const E = es.citizen.errors;
  return Promise.all(
    files.map(async (file) => {
      const kind = file.size > 0 ? await sniff(file).catch(() => null) : null;
      let problem: string | null = null;
      if (file.size === 0) problem = E.fileEmpty;
      else if (!kind) problem = E.fileType;
      else if (file.size > MAX_FILE_BYTES) problem = E.fileTooLarge(MAX_FILE_MB);
      else if ([...file.name].length > MAX_NAME) problem = E.fileName;
      return { key: `f${++seq}`, file, kind, problem, state: 'ready' as const, fraction: 0 };
    }),
  );
}

/** The problem of the whole set (count, total size, a file at fault), or null. */
export function setProblem(files: ChosenFile[], alreadyStored = 0, storedBytes = 0): string | null {
  const E = es.citizen.errors;
  if (files.some((f) => f.problem)) return E.fixFiles;
  if (files.length + alreadyStored > MAX_FILES) return E.tooManyFiles(MAX_FILES);
  const total = files.reduce((n, f) => n + f.file.size, storedBytes);
  if (total > MAX_TOTAL_BYTES) return E.totalTooLarge(MAX_TOTAL_MB);
  return null;
}

export function totalBytes(files: ChosenFile[]): number {
  return files.reduce((n, f) => n + f.file.size, 0);
}
