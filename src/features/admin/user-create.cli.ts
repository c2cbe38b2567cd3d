// Creates the first administrator (and the municipality, on a fresh install) from the command line:
//
//   npm run user:create -- --username ada --name "Ada Admin" --role admin [--email ada@kommune.no]
//                          [--municipality "Bodø kommune"] [--force]
//
// The password comes from the environment variable BOLIGNU_PASSWORD, or is asked for twice on the
// terminal without echo. It is validated by the same schema as the API and the user is created by the
// same service code (createFirstAdministrator), with the same audit row.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadEnv } from '../../platform/config/env.ts';
import { openDatabase, type Database } from '../../platform/db/client.ts';
import { DataDirLockedError } from '../../platform/db/data-dir-lock.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { issuesToFields } from '../../platform/i18n/i18n.ts';
import { createUserFields, createUserInput, newPassword } from './admin.schema.ts';
import { createFirstAdministrator } from './admin.service.ts';

const usage = `Usage: npm run user:create -- --username NAME --name "Display Name" --role admin [options]

Creates an administrator of Bolig Nu. On a fresh install it also creates the municipality.

  --username NAME        3-50 characters: a-z, 0-9, dot, underscore, hyphen
  --name TEXT            the name shown in the app
  --role KEY             a role key; repeat for more roles (one must be an administrator role)
  --email ADDRESS        optional
  --municipality NAME    the municipality, e.g. "Bodø kommune"; required when there is none yet
  --force                create another administrator although one exists (to recover access)
  --help                 show this text

The password is read from BOLIGNU_PASSWORD, or asked for on the terminal (twice, not shown).
The database is DATABASE_URL, or PGlite in DATA_DIR (default ./data). PGlite lets only one process
open a data directory: stop the Bolig Nu server on the same DATA_DIR before running this.`;

class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function fieldErrors(issues: Parameters<typeof issuesToFields>[1]): string {
  const names: Record<string, string> = { username: '--username', displayName: '--name', email: '--email', roles: '--role', password: 'password' };
  return Object.entries(issuesToFields('en', issues))
    .map(([field, message]) => `  ${names[field] ?? field}: ${message}`)
    .join('\n');
}

/** Reads a line from the terminal without showing what is typed. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new CliError('Cancelled.', 130));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.BOLIGNU_PASSWORD;
  if (fromEnv !== undefined) {
    const checked = newPassword.safeParse(fromEnv);
    if (!checked.success) throw new CliError(`BOLIGNU_PASSWORD is not accepted:\n${fieldErrors(checked.error.issues)}`, 2);
    return fromEnv;
  }
  if (!process.stdin.isTTY) throw new CliError('No terminal to ask for the password: set BOLIGNU_PASSWORD instead.', 2);
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await askHidden('Password (at least 12 characters): ');
    const checked = newPassword.safeParse(first);
    if (!checked.success) {
      console.error(fieldErrors(checked.error.issues).trim());
      continue;
    }
    if ((await askHidden('Repeat the password: ')) === first) return first;
    console.error('The two passwords differ. Try again.');
  }
  throw new CliError('No password was set.');
}

async function main(): Promise<string> {
  let args;
  try {
    args = parseArgs({
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        email: { type: 'string' },
        municipality: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${usage}`, 2);
  }
  if (args.help) return usage;

  // Check the arguments before asking for a password, so a typo does not cost two password entries.
  const raw = { username: args.username, displayName: args.name, email: args.email, roles: args.role ?? [] };
  const early = createUserFields.pick({ username: true, displayName: true, email: true, roles: true }).safeParse(raw);
  if (!early.success) throw new CliError(`Some arguments need correcting:\n${fieldErrors(early.error.issues)}\n\n${usage}`, 2);

  let env;
  try {
    env = loadEnv(process.env);
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }

  const password = await readPassword();
  const input = createUserInput.safeParse({ ...raw, loginMethod: 'password', password });
  if (!input.success) throw new CliError(`Some arguments need correcting:\n${fieldErrors(input.error.issues)}`, 2);

  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new CliError(`${err.message}\nIs the Bolig Nu server running on this DATA_DIR? Stop it, run user:create, then start the server again.`);
    }
    throw err;
  }
  try {
    // A system context: no logged-in user; the audit row records the command line as the actor.
    const ctx: Ctx = {
      db: database.db,
      env,
      log: pino({ level: 'silent' }),
      now: new Date(),
      requestId: 'cli',
      locale: 'en',
      user: null,
    };
    const result = await createFirstAdministrator(ctx, { municipality: args.municipality, force: args.force }, input.data);
    const lines = [];
    if (result.tenant.created) lines.push(`Created the municipality "${result.tenant.name}".`);
    lines.push(
      `Created user "${result.user.username}" (${result.user.displayName}) with role${result.user.roles.length > 1 ? 's' : ''} ` +
        `${result.user.roles.join(', ')} in "${result.tenant.name}".`,
    );
    lines.push(`Database: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.DATA_DIR}`}.`);
    return lines.join('\n');
  } finally {
    await database.close();
  }
}

try {
  console.log(await main());
} catch (err) {
  if (err instanceof CliError) {
    console.error(err.message);
    process.exitCode = err.exitCode;
  } else if (err instanceof AppError) {
    const extra = err.meta?.public ? (err.meta.public as { municipalities?: string[] }).municipalities : undefined;
    const fields = err.fields ? Object.values(err.fields).filter((m) => m !== err.definition.en) : [];
    console.error([err.definition.en, ...fields, ...(extra ? [`Municipalities: ${extra.join(', ')}`] : [])].join('\n'));
    process.exitCode = 1;
  } else {
    console.error('user:create failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
