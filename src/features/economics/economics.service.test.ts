import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildPerson } from '../people/people.factory.ts';
import { buildHouse, buildRoom } from '../rooms/rooms.factory.ts';
import { buildStay } from '../stays/stays.factory.ts';
import { externalPurchases } from './economics.tables.ts';
import { getEconomicsOverview, importPurchases, listPurchases, registerPurchase, setBudget, setYearTotal } from './economics.service.ts';

let database: Database;
let tenantId: string;
let leadId: string;
let steeringId: string;
let staffId: string;
const kr = (n: number) => n * 100;
const now = new Date('2026-11-26T10:00:00+01:00');

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  steeringId = (await buildUser(database.db, { tenantId, roles: ['steering_group'] })).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  const house = await buildHouse(database.db, { tenantId });
  // 2025: 20 nights (10.12.2025 → 30.12.2025); 2026: one stay across new year and one still open.
  const a = await buildPerson(database.db, { tenantId });
  await buildStay(database.db, { tenantId, roomId: (await buildRoom(database.db, { house })).id, personId: a.id, startOn: '2025-12-10', endOn: '2026-01-05' });
  const b = await buildPerson(database.db, { tenantId });
  await buildStay(database.db, { tenantId, roomId: (await buildRoom(database.db, { house })).id, personId: b.id, startOn: '2026-11-20', endOn: null });
});
afterAll(() => database.close());

const lead = () => contextFor(database, leadId, { now });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('economics', () => {
  it('counts occupied nights per year in SQL (an open stay up to tonight) and the cost per night', async () => {
    await setYearTotal(await lead(), { year: 2013, amountOre: kr(5_399_000), households: 92 });
    await setBudget(await lead(), { year: 2026, amountOre: kr(1_200_000) });
    const o = await getEconomicsOverview(await contextFor(database, steeringId, { now }));
    const y2025 = o.years.find((y) => y.year === 2025)!;
    const y2026 = o.years.find((y) => y.year === 2026)!;
    expect(y2025.occupiedNights).toBe(22); // 10.12 → 01.01
    expect(y2026.occupiedNights).toBe(4 + 7); // 01.01 → 05.01, and 20.11 → 27.11 (tonight counts)
    expect(y2026.costPerNightOre).toBe(Math.round(kr(1_200_000) / 11));
    expect(o.baselineYear).toBe(2013);
    expect(o.years[0]!.year).toBe(2013);
    expect(o.years.find((y) => y.year === 2014)!.occupiedNights).toBe(0);
  });

  it('registers purchases and compares their price per night; a year’s spend is set against the baseline', async () => {
    await registerPurchase(await lead(), { purchasedOn: '2026-03-01', provider: 'Bodø Hospits', nights: 4, amountOre: kr(3600) });
    const o = await getEconomicsOverview(await lead());
    expect(o.averageExternalPerNightOre).toBe(kr(900));
    expect(o.years.find((y) => y.year === 2026)).toMatchObject({ externalSpendOre: kr(3600), externalSource: 'purchases', savingsOre: kr(5_399_000) - kr(3600) });
  });

  it('imports a CSV all or nothing: one bad line writes nothing', async () => {
    const before = await database.db.select().from(externalPurchases).where(eq(externalPurchases.tenantId, tenantId));
    const err = await rejection(importPurchases(await lead(), 'dato;leverandor;netter;belop_kr\n01.02.2026;Gjestehuset;2;1800\n30.02.2026;Gjestehuset;2;1800\n'));
    expect(err.code).toBe('economics.import_invalid');
    expect(err.fields).toEqual({ 'line 3 dato': 'Datoen må være dd.mm.åååå eller åååå-mm-dd.' });
    expect(await database.db.select().from(externalPurchases).where(eq(externalPurchases.tenantId, tenantId))).toHaveLength(before.length);
    const ok = await importPurchases(await lead(), 'dato;leverandor;netter;belop_kr\n01.02.2026;Gjestehuset;2;1800\n02.02.2026;Gjestehuset;1;900\n');
    expect(ok).toEqual({ imported: 2 });
    expect(await listPurchases(await lead())).toHaveLength(before.length + 2);
  });

  it('lets the steering group read the aggregate but not enter figures or see purchases; staff see nothing', async () => {
    const steering = await contextFor(database, steeringId, { now });
    expect((await rejection(setBudget(steering, { year: 2026, amountOre: 1 }))).code).toBe('auth.forbidden');
    expect((await rejection(listPurchases(steering))).code).toBe('auth.forbidden');
    expect((await rejection(getEconomicsOverview(await contextFor(database, staffId, { now })))).code).toBe('auth.forbidden');
  });
});
