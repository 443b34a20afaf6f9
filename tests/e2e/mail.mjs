// E-mail for the browser tests: a real SMTP server on loopback (tests/support/smtp_sink.py,
// Debian's aiosmtpd) that writes each message as NNNN.eml, and just enough MIME to read them:
// RFC 2047 subjects, multipart bodies, base64 parts, the PDF attachment.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { paths } from './env.mjs';

/** Starts the sink; `url` goes to `sige serve --smtp`. It stops when its stdin closes. */
export async function startSmtpSink() {
  const dir = mkdtempSync(join(tmpdir(), 'sige-mail-'));
  const proc = spawn('/usr/bin/python3', [join(paths.repo, 'tests', 'support', 'smtp_sink.py'), dir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (b) => (stderr += b.toString()));
  const lines = createInterface({ input: proc.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`smtp sink did not start:\n${stderr}`)), 15_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`smtp sink exited (${code}):\n${stderr}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(line);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`unexpected first line from the smtp sink: ${line}`));
    });
  });
  lines.on('line', () => {});
  /** Every message received so far, oldest first, parsed. */
  const messages = () =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => /^\d{4}\.eml$/.test(n))
          .sort()
          .map((n) => ({ file: join(dir, n), ...parseEml(readFileSync(join(dir, n))) }))
      : [];
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    messages,
    /** Waits until a message matching `pred` arrives (default 20 s; API.md promises 10). */
    async waitFor(pred, what, timeout = 20_000) {
      const end = Date.now() + timeout;
      for (;;) {
        const found = messages().find(pred);
        if (found) return found;
        if (Date.now() > end) {
          const got = messages().map((m) => `${m.to}: ${m.subject}`);
          throw new Error(`no e-mail ${what} within ${timeout} ms; got:\n${got.join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.stdin.end();
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** "=?UTF-8?B?...?=" and "=?UTF-8?Q?...?=" words decoded; the spaces between them dropped. */
export function decodeHeader(value) {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, enc, text) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return bytes.toString('utf8');
    });
}

function splitHead(raw) {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body, encoding) {
  const enc = (encoding || '').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    const s = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(s, 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** The leaves of a MIME tree: [{type, name, data}] (raw is the message as latin1 text). */
function leaves(raw) {
  const { headers, body } = splitHead(raw);
  const type = headers['content-type'] || 'text/plain';
  if (/^multipart\//i.test(type)) {
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (!boundary) return [];
    const parts = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    return parts.slice(1).filter((p) => p.trim()).flatMap(leaves);
  }
  const name = /name="?([^";]+)"?/i.exec(type)?.[1] ?? /filename="?([^";]+)"?/i.exec(headers['content-disposition'] ?? '')?.[1];
  return [{ type: type.split(';')[0].trim().toLowerCase(), name: name ? decodeHeader(name) : null, data: decodeBody(body, headers['content-transfer-encoding']) }];
}

/** To, subject, plain text and the attachments of one .eml file. */
export function parseEml(buffer) {
  const raw = buffer.toString('latin1');
  const { headers } = splitHead(raw);
  const parts = leaves(raw);
  const text = parts.find((p) => p.type === 'text/plain')?.data.toString('utf8') ?? '';
  return {
    to: decodeHeader(headers.to ?? ''),
    subject: decodeHeader(headers.subject ?? ''),
    text,
    attachments: parts.filter((p) => p.name || !p.type.startsWith('text/')),
  };
}
