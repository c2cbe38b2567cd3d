import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './cli.ts';

// The real server (src/server.ts) in a child process, as an operator starts it: for the browser
// journeys, the crash tests and the benchmark. It listens on a port of the system's choosing
// (PORT=0) and reports it; start() resolves once GET /api/health answers 200.

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Everything the server printed, for error messages. */
  output(): string;
  /** SIGTERM and wait (SIGKILL after 10 s): the server's clean shutdown. */
  stop(): Promise<void>;
  /** SIGKILL at once: a crash. Resolves when the process is gone. */
  kill(): Promise<void>;
}

// Servers still running when this process ends (a test that timed out, a failed assertion before
// stop()) are killed with it, so no test leaves a server behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startServer(env: Record<string, string | undefined>, label = 'server'): Promise<ServerProcess> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env })) {
    if (value !== undefined) merged[key] = value;
  }
  const child = spawn(process.execPath, ['src/server.ts'], { cwd: repoRoot, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  const output = () => chunks.join('');
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  child.stderr.on('data', (c: Buffer) => chunks.push(c.toString()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`[${label}] the server did not report its port within 60 s:\n${output()}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      chunks.push(c.toString());
      const match = /running on http:\/\/[^:]+:(\d+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`[${label}] the server exited (code ${child.exitCode}) before it was ready:\n${output()}`));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;

  const kill = async () => {
    if (!gone) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (gone) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!stopped) {
      console.warn(`[${label}] the server did not stop within 10 s of SIGTERM; killing it`);
      await kill();
    }
  };

  const deadline = Date.now() + 60_000;
  let last = '';
  while (!gone) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return { baseUrl, pid: child.pid!, output, stop, kill };
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err);
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await kill();
  throw new Error(`[${label}] GET /api/health did not answer 200 (${last}):\n${output()}`);
}
