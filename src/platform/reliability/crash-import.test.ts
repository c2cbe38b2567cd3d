import { afterAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { seedDemo } from '../db/seed/demo.ts';
import { people } from '../../features/people/people.tables.ts';
import { referrals } from '../../features/referrals/referrals.tables.ts';
import { stays } from '../../features/stays/stays.tables.ts';
import { rooms } from '../../features/rooms/rooms.tables.ts';
import { exchangeMappings } from '../../features/data-exchange/data-exchange.tables.ts';
import { startServer } from './server-process.ts';
import { logIn } from './http-client.ts';
import { testTargets } from './test-targets.ts';

// The server killed (SIGKILL) while a large import is being written: the import is one transaction,
// so afterwards none of it is there (or, had it committed, all of it) — never a part — and the same
// file imports whole after the restart.

const targets = testTargets('crash-import');
afterAll(() => targets.cleanUp());

const PEOPLE = 900;
const ROOMS = 30;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A history of 900 households over 30 rooms, one stay after another in each room (fictional, no ids). */
function bigImport() {
  const file = {
    format: 'bolig-nu/data-exchange',
    version: 1,
    houses: [{ id: 'CH1', name: 'Krasjhuset', streetAddress: 'Testveien 1', postalCode: '8006', city: 'Bodø' }],
    rooms: Array.from({ length: ROOMS }, (_, r) => ({ id: `CR${r}`, houseId: 'CH1', name: `Hybel C${r}`, capacity: 1, isCrisisRoom: false, takesCouples: false })),
    people: [] as object[],
    referrals: [] as object[],
    decisions: [] as object[],
    stays: [] as object[],
  };
  for (let i = 0; i < PEOPLE; i++) {
    const room = i % ROOMS;
    const startOn = addDays('2012-01-02', Math.floor(i / ROOMS) * 40);
    const endOn = addDays(startOn, 30);
    file.people.push({ id: `CP${i}`, givenName: `Test${i}`, familyName: 'Krasjesen', birthDate: '1980-01-01', idType: 'none', preferredLanguage: 'nb', hasProtectedAddress: false });
    file.referrals.push({ id: `CF${i}`, personId: `CP${i}`, receivedAt: startOn, situation: 'evicted', previousStay: 'friends_family', nowhereToSleepTonight: true, consentToShare: false, caseworkerName: 'NAV-veileder Test', navOffice: 'NAV Bodø' });
    file.decisions.push({ id: `CV${i}`, referralId: `CF${i}`, decidedAt: startOn, outcome: 'offer', reasons: 'Test av krasj under import.', roomId: `CR${room}`, fromOn: startOn, plannedEndOn: addDays(startOn, 60), offerStatus: 'accepted', offerRespondedAt: startOn });
    file.stays.push({ id: `CO${i}`, personId: `CP${i}`, roomId: `CR${room}`, referralId: `CF${i}`, decisionId: `CV${i}`, startOn, plannedEndOn: addDays(startOn, 60), endOn, destination: 'private_rental', wasPlanned: true });
  }
  return { dryRun: false, files: [{ name: 'historikk.json', content: JSON.stringify(file) }] };
}

/**
 * How long the server takes to reach the writing, on PGlite: the same file as a dry run does every
 * step of the import but the writing (sent before the real import: the import holds the service's
 * import lock until it commits, so a dry run sent beside it would wait for the end).
 */
async function timeToWrite(dryRun: () => Promise<unknown>): Promise<number> {
  await dryRun(); // warm
  const t = performance.now();
  await dryRun();
  return performance.now() - t;
}

/**
 * Resolves once the server has begun writing the import. On PostgreSQL: when its connection is seen
 * inserting the people. PGlite runs inside the server process, where nothing outside can see it: the
 * kill comes 50 ms after the import has run as long as its dry run took (measured on this machine,
 * not a guess: a fixed 1.5 s had become long enough for the whole import to commit).
 */
async function writingStarted(databaseUrl: string | undefined, pgliteWait: { sentAt: number; toWrite: number }) {
  if (!databaseUrl) {
    const wait = pgliteWait.sentAt + pgliteWait.toWrite + 50 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return;
  }
  const { Client } = await import('pg');
  const watcher = new Client({ connectionString: process.env.DATABASE_URL });
  await watcher.connect();
  const dbName = new URL(databaseUrl).pathname.slice(1);
  try {
    for (let i = 0; i < 3_000; i++) {
      const { rows } = await watcher.query(`select 1 from pg_stat_activity where datname = $1 and query ilike 'insert into "people"%'`, [dbName]);
      if (rows.length > 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the import never started writing people');
  } finally {
    await watcher.end();
  }
}

async function countImported(target: Awaited<ReturnType<typeof targets.create>>) {
  const database = await target.open(false);
  const db = database.db;
  const [p] = await db.select({ n: count() }).from(people).where(inArray(people.familyName, ['Krasjesen']));
  const [r] = await db.select({ n: count() }).from(referrals).where(inArray(referrals.caseworkerName, ['NAV-veileder Test']));
  const [s] = await db.select({ n: count() }).from(stays).innerJoin(rooms, eq(rooms.id, stays.roomId)).where(inArray(rooms.name, Array.from({ length: ROOMS }, (_, i) => `Hybel C${i}`)));
  const [m] = await db.select({ n: count() }).from(exchangeMappings);
  await database.close();
  return { people: p!.n, referrals: r!.n, stays: s!.n, mappings: m!.n };
}

describe('a crash in the middle of an import', () => {
  it('leaves none of the file behind, and the file imports whole after the restart', { timeout: 300_000 }, async () => {
    const target = await targets.create('data');
    const prep = await target.open(true);
    await seedDemo(prep.db);
    await prep.close();
    const body = bigImport();
    const env = { ...target.env, WEB_DIR: 'does-not-matter', JOBS: 'false', DEMO: 'false' };

    const server = await startServer(env, 'crash-import');
    const admin = await logIn(server.baseUrl, 'admin');
    let answered = '';
    const toWrite = target.env.DATABASE_URL ? 0 : await timeToWrite(() => admin.post('/api/data-exchange/import', { ...body, dryRun: true }));
    const sentAt = performance.now();
    const request = admin.post('/api/data-exchange/import', body).then(
      async (res) => (answered = `HTTP ${res.status} ${(await res.text()).slice(0, 300)}`),
      () => undefined,
    );
    // Kill once the server is busy writing (it validates first, then writes 3 600 rows in one
    // transaction): see writingStarted.
    await writingStarted(target.env.DATABASE_URL, { sentAt, toWrite });
    await server.kill();
    await request;
    expect(answered).toBe(''); // the kill came before the import finished, else this test proves nothing

    const afterKill = await countImported(target);
    expect(afterKill).toEqual({ people: 0, referrals: 0, stays: 0, mappings: 0 });

    const again = await startServer(env, 'crash-import-restart');
    const adminAgain = await logIn(again.baseUrl, 'admin');
    const res = await adminAgain.post('/api/data-exchange/import', body);
    expect(res.status).toBe(200);
    await again.stop();
    expect(await countImported(target)).toEqual({ people: PEOPLE, referrals: PEOPLE, stays: PEOPLE, mappings: 1 + ROOMS + 4 * PEOPLE });
  });
});
