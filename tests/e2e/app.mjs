// Steps the tests share: log in through the form, take screenshots, call the API with the
// page's own session (cookie + CSRF token from sessionStorage), check PDFs with poppler.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from './env.mjs';

export async function login(page, base, username, password = 'demo') {
  await page.goto(`${base}/`);
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByTestId('who').waitFor();
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
}

/**
 * Saves a screenshot as <output>/<test>/<name>.png: the whole page by default, or only the
 * viewport (`{fullPage: false}`), which is what shows an embedded PDF viewer.
 */
export async function shot(page, test, name, { fullPage = true } = {}) {
  const dir = join(paths.output, test);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** An API client for setting up data: logs in and sends `Authorization: Bearer`. */
export async function apiAs(base, username, password = 'demo') {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const { token } = await res.json();
  const call = async (method, path, body) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return json;
  };
  /** A raw request (bytes in, Response out) with the same session. */
  call.raw = (method, path, body, type) =>
    fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(type ? { 'Content-Type': type } : {}) },
      body,
    });
  return call;
}

/** True when the page is wider than the window (a horizontal scrollbar on a phone). */
export async function overflowsX(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** A request with the page's cookie and CSRF header, as the application itself would send it. */
export async function apiCall(page, method, path, body) {
  const csrf = await page.evaluate(() => sessionStorage.getItem('sige.csrf'));
  const res = await page.request.fetch(path.startsWith('http') ? path : new URL(path, page.url()).href, {
    method,
    headers: { 'X-CSRF-Token': csrf ?? '', 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  return { status: res.status(), json };
}

/** Downloads a PDF through the page's session into the test's output directory. */
export async function fetchPdf(page, test, url, name) {
  const res = await page.request.get(new URL(url, page.url()).href);
  if (res.status() !== 200) throw new Error(`GET ${url}: ${res.status()} ${await res.text()}`);
  const type = res.headers()['content-type'] ?? '';
  if (!type.startsWith('application/pdf')) throw new Error(`GET ${url}: content-type ${type}`);
  const dir = join(paths.output, test);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await res.body());
  return file;
}

export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Renders the first page at 150 dpi and decodes the QR codes on it. */
export function pdfQr(file) {
  const prefix = file.replace(/\.pdf$/, '-page');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, prefix]);
  const png = execFileSync('sh', ['-c', `ls "${prefix}"*.png | head -1`], { encoding: 'utf8' }).trim();
  return execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
}
