import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The machine's Chromium (Debian's package), never a downloaded one. Without it the browser suite
 * fails with instructions: a journey that silently skips is a journey nobody runs.
 */
export function findChromium(): string {
  const install = 'Install it with:  sudo apt-get update && sudo apt-get install -y chromium';
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.\n${install}\nand unset CHROMIUM_PATH, or point it at a Chromium binary.`);
    return fromEnv;
  }
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (found) return found;
  } catch {
    // not on PATH; try the Debian location below
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'The browser journeys (e2e/) need Chromium, and none was found (CHROMIUM_PATH unset, `which chromium` empty, no /usr/bin/chromium).\n' +
      `${install}\n` +
      'or point CHROMIUM_PATH at a Chromium binary. Do not run `playwright install`: the suite never downloads a browser.',
  );
}
