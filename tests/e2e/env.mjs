// Where things are: the sige binary (SIGE_BIN), the built web application (SIGE_WEB_DIST,
// default <repo>/web/dist), Chromium (CHROMIUM, default Debian's /usr/bin/chromium) and the
// directory for screenshots and PDFs (SIGE_TEST_OUTPUT, default test-output/e2e).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

function required(name, fallback) {
  const v = process.env[name] || fallback;
  if (!v || !existsSync(v)) {
    throw new Error(`${name} must point to an existing path (got ${JSON.stringify(v)})`);
  }
  return resolve(v);
}

const candidates = [join(repo, 'build', 'sige'), join(repo, 'build-web', 'sige')];

export const paths = {
  repo,
  sigeBin: required('SIGE_BIN', candidates.find((c) => existsSync(c))),
  webDist: required('SIGE_WEB_DIST', join(repo, 'web', 'dist')),
  chromium: required('CHROMIUM', '/usr/bin/chromium'),
  output: resolve(process.env.SIGE_TEST_OUTPUT || join(repo, 'test-output', 'e2e')),
};

mkdirSync(paths.output, { recursive: true });

if (!existsSync(join(paths.webDist, 'index.html'))) {
  throw new Error(`${paths.webDist}/index.html is missing: build the web application (npm run build in web/)`);
}
