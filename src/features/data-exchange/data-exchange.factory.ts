import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { houses, rooms, roomStateChanges } from '../rooms/rooms.tables.ts';
import { people } from '../people/people.tables.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { decisions, offers } from '../allocation/allocation.tables.ts';
import { stays } from '../stays/stays.tables.ts';
import { moveOuts } from '../stays/moving-on.tables.ts';
import { exchangeMappings } from './data-exchange.tables.ts';
import type { UploadedFile } from './data-exchange.rules.ts';

const examples = join(import.meta.dirname, '../../../docs/examples');

/** The documented example file (docs/examples/data-exchange-example.json), as an upload. */
export function exampleJsonFile(): UploadedFile {
  return { name: 'data-exchange-example.json', content: readFileSync(join(examples, 'data-exchange-example.json'), 'utf8'), encoding: 'utf8' };
}

/** The same example as the CSV set (docs/examples/data-exchange-csv/*.csv). */
export function exampleCsvFiles(): UploadedFile[] {
  const dir = join(examples, 'data-exchange-csv');
  return readdirSync(dir).map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8'), encoding: 'utf8' as const }));
}

export function exampleDocument(): Record<string, Record<string, unknown>[]> {
  return JSON.parse(exampleJsonFile().content) as Record<string, Record<string, unknown>[]>;
}

export function jsonUpload(doc: unknown, name = 'data.json'): UploadedFile {
  return { name, content: JSON.stringify(doc), encoding: 'utf8' };
}

/** Every row of every table the import writes, for one tenant: to compare before and after. */
export async function tenantTables(db: Db, tenantId: string) {
  return {
    houses: await db.select().from(houses).where(eq(houses.tenantId, tenantId)).orderBy(asc(houses.id)),
    rooms: await db.select().from(rooms).where(eq(rooms.tenantId, tenantId)).orderBy(asc(rooms.id)),
    roomStateChanges: await db.select().from(roomStateChanges).where(eq(roomStateChanges.tenantId, tenantId)).orderBy(asc(roomStateChanges.id)),
    people: await db.select().from(people).where(eq(people.tenantId, tenantId)).orderBy(asc(people.id)),
    referrals: await db.select().from(referrals).where(eq(referrals.tenantId, tenantId)).orderBy(asc(referrals.id)),
    decisions: await db.select().from(decisions).where(eq(decisions.tenantId, tenantId)).orderBy(asc(decisions.id)),
    offers: await db.select().from(offers).where(eq(offers.tenantId, tenantId)).orderBy(asc(offers.id)),
    stays: await db.select().from(stays).where(eq(stays.tenantId, tenantId)).orderBy(asc(stays.id)),
    moveOuts: await db.select().from(moveOuts).where(eq(moveOuts.tenantId, tenantId)).orderBy(asc(moveOuts.id)),
    mappings: await db.select().from(exchangeMappings).where(eq(exchangeMappings.tenantId, tenantId)).orderBy(asc(exchangeMappings.id)),
  };
}

export async function tenantCounts(db: Db, tenantId: string) {
  const t = await tenantTables(db, tenantId);
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.length]));
}
