import { spawn } from 'node:child_process';
import { join } from 'node:path';

// Runs one of the project's command-line scripts the way `npm run <script>` does (same Node, same
// entry file), for tests that prove what an operator types works.
export const repoRoot = join(import.meta.dirname, '../../..');

/** env is laid over this process's environment; a key set to undefined is removed. */
export function runCli(entry: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) merged[key] = value;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: repoRoot, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
