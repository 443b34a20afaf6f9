// A real sige for the browser tests: a fresh demo installation in a temp directory, served on
// a free port with the built web application. The server stops when its stdin closes, so it
// never outlives the test process. `startServer({ smtp })` also hands it an SMTP server
// (`--smtp`, e.g. the sink of mail.mjs) for the e-mails to applicants.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { paths } from './env.mjs';

export async function startServer({ smtp } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'sige-e2e-'));
  const data = join(root, 'data');
  const init = spawnSync(paths.sigeBin, ['init', '--demo', '--data', data], { encoding: 'utf8' });
  if (init.status !== 0) {
    throw new Error(`sige init failed (${init.status}): ${init.stderr}${init.stdout}`);
  }
  const proc = spawn(
    paths.sigeBin,
    [
      'serve',
      '--data',
      data,
      '--listen',
      '127.0.0.1:0',
      '--exit-on-stdin-eof',
      '--web',
      paths.webDist,
      ...(smtp ? ['--smtp', smtp] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  proc.stderr.on('data', (b) => {
    stderr += b.toString();
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  const lines = createInterface({ input: proc.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sige serve did not start:\n${stderr}`)), 20_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sige serve exited (${code}):\n${stderr}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = /escuchando en (http:\/\/[\d.]+:\d+)/.exec(line);
      if (m) resolve(m[1]);
      else reject(new Error(`unexpected first line from sige serve: ${line}`));
    });
  });
  lines.on('line', () => {}); // keep draining stdout
  return {
    url,
    data,
    stderr: () => stderr,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.stdin.end();
        const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
