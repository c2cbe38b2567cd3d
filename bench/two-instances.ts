// Proof that app processes are stateless: two instances of the real app on one PostgreSQL database,
// behind one port (nginx on loopback when installed, else a tiny Node round-robin proxy). One login
// through the proxy; then requests with that one session cookie are answered by BOTH instances, a
// journal entry written through one is read through the other, and a logout through one ends the
// session on both. Sessions live in the database (table sessions), nothing in process memory.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:two-instances
import { spawn, spawnSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { demoPassword } from '../src/platform/db/seed/demo.ts';
import { osloDate } from '../src/features/stays/stays.rules.ts';
import { dropDatabase, recreateDatabase, startApp, withDatabase, type AppProcess } from './lib.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (sessions are shared through the database; PGlite is one process).');
  process.exit(1);
}
const DB = 'bolignu_two_instances';
const PORTS = { a: 3110, b: 3111, proxy: 3112 };

function startNginx(): { kind: string; stop(): void } | null {
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bolignu-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream bolignu { server 127.0.0.1:${PORTS.a}; server 127.0.0.1:${PORTS.b}; }
  server {
    listen 127.0.0.1:${PORTS.proxy};
    location / {
      proxy_pass http://bolignu;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header X-Served-By $upstream_addr always;
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-c', conf, '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' });
  return { kind: 'nginx (loopback)', stop: () => void child.kill('SIGTERM') };
}

function startNodeProxy(): { kind: string; stop(): void } {
  const upstreams = [PORTS.a, PORTS.b];
  let next = 0;
  const server = createServer((req, res) => {
    const port = upstreams[next++ % upstreams.length]!;
    const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, { ...answer.headers, 'x-served-by': `127.0.0.1:${port}` });
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.listen(PORTS.proxy, '127.0.0.1');
  return { kind: 'Node round-robin proxy', stop: () => void server.close() };
}

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer`);
}

const apps: AppProcess[] = [];
let proxy: { kind: string; stop(): void } | null = null;
let failed = false;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};
try {
  await recreateDatabase(adminUrl, DB, true);
  const databaseUrl = withDatabase(adminUrl, DB);
  // The first instance migrates and seeds the demo; the second starts on the same database.
  apps.push(await startApp({ port: PORTS.a, databaseUrl, webDir: 'dist/web', extraEnv: { DEMO: 'true' } }));
  apps.push(await startApp({ port: PORTS.b, databaseUrl, webDir: 'dist/web' }));
  proxy = startNginx() ?? startNodeProxy();
  const base = `http://127.0.0.1:${PORTS.proxy}`;
  await waitFor(`${base}/api/health`);
  console.log(`Two app instances on :${PORTS.a} and :${PORTS.b}, one port :${PORTS.proxy} in front (${proxy.kind}).`);

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ansatt', password: demoPassword }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  check(login.status === 204 && cookie !== '', `one login through the proxy (served by ${login.headers.get('x-served-by')})`);

  const servedBy = new Map<string, number>();
  let allOk = true;
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    allOk &&= res.status === 200;
    const who = res.headers.get('x-served-by') ?? '?';
    servedBy.set(who, (servedBy.get(who) ?? 0) + 1);
  }
  check(allOk, '20 requests with that one session cookie all answered 200');
  check(servedBy.size === 2, `answered by both instances: ${[...servedBy].map(([k, v]) => `${k} ×${v}`).join(', ')}`);

  // A write through one instance is read through the other (nothing cached in a process).
  const found = (await (
    await fetch(`${base}/api/people/search`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ query: 'Nordmann' }) })
  ).json()) as { id: string }[];
  const personId = found[0]?.id;
  const body = `To instanser ${Date.now()}: samtale om boligsøk.`;
  const write = await fetch(`http://127.0.0.1:${PORTS.a}/api/people/${personId}/journal`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ occurredOn: osloDate(new Date()), occurredTime: '10:00', type: 'note', body, isSensitive: false }),
  });
  const read = (await (await fetch(`http://127.0.0.1:${PORTS.b}/api/people/${personId}/journal`, { headers: { cookie } })).json()) as { body: string }[];
  check(write.status === 201 && read.some((e) => e.body === body), `a journal entry written through instance A is read through instance B with the same session (write ${write.status}${write.status === 201 ? '' : ` ${await write.text()}`})`);

  // Logging out through the proxy ends the session for both instances.
  await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie } });
  const afterA = await fetch(`http://127.0.0.1:${PORTS.a}/api/auth/me`, { headers: { cookie } });
  const afterB = await fetch(`http://127.0.0.1:${PORTS.b}/api/auth/me`, { headers: { cookie } });
  check(afterA.status === 401 && afterB.status === 401, 'after logout through the proxy both instances refuse the cookie (401)');
} catch (err) {
  console.error(err);
  failed = true;
} finally {
  proxy?.stop();
  for (const app of apps) await app.stop();
  await dropDatabase(adminUrl, DB);
}
process.exit(failed ? 1 : 0);

