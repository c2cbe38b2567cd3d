import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { AppError } from '../../platform/http/errors.ts';
import { rotaAssignments, rotaMembers } from './staffing.tables.ts';
import { isWeekend } from './staffing.rules.ts';
import { staffingPatternInput } from './staffing.schema.ts';
import { addAssignment, generateRotaForPeriod, getRota, getStaffingPattern, removeAssignment, setWeekendGroup, updateStaffingPattern } from './staffing.service.ts';

let database: Database;
let tenantId: string;
let leadId: string;
let staffIds: string[];
let navId: string;
const now = new Date('2026-11-26T10:00:00+01:00');
const period = { from: '2026-11-30', to: '2026-12-27' };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'], displayName: 'Leif Leder' })).id;
  staffIds = [];
  for (const name of ['Anne', 'Bjørn', 'Cecilie']) staffIds.push((await buildUser(database.db, { tenantId, roles: ['staff'], displayName: `${name} Ansatt` })).id);
  await buildUser(database.db, { tenantId, roles: ['staff'], displayName: 'Slutta Ansatt', isActive: false });
  navId = (await buildUser(database.db, { tenantId, roles: ['nav_caseworker'] })).id;
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const assignmentsOfTenant = () => database.db.select().from(rotaAssignments).where(eq(rotaAssignments.tenantId, tenantId));

describe('generateRotaForPeriod', () => {
  it('puts the active staff and the lead on the rota, one weekend group each, and warns about short shifts', async () => {
    const rota = await generateRotaForPeriod(await contextFor(database, leadId, { now }), period);
    expect(rota.members.map((m) => m.name)).toEqual(['Anne Ansatt', 'Bjørn Ansatt', 'Cecilie Ansatt', 'Leif Leder']);
    expect(rota.members.map((m) => m.weekendGroup).sort()).toEqual([0, 1, 2, 3]);
    expect(rota.days).toHaveLength(28);
    const monday = rota.days[0]!;
    expect(monday.shifts.map((s) => [s.shift, s.required, s.assigned.length])).toEqual([
      ['day', 2, 2],
      ['evening', 1, 1],
      ['night', 0, 0],
    ]);
    // Four people, one a weekend: every weekend day has one person for three places.
    const weekendWarnings = rota.warnings.filter((w) => isWeekend(w.day));
    expect(weekendWarnings).toHaveLength(8 * 2);
    expect(rota.warnings.filter((w) => !isWeekend(w.day))).toEqual([]);
    expect(await database.db.select().from(rotaMembers).where(eq(rotaMembers.tenantId, tenantId))).toHaveLength(4);
  });

  it('replaces the period when generated again, and keeps the weekend groups', async () => {
    const ctx = await contextFor(database, leadId, { now });
    const first = (await getRota(ctx, period)).members;
    const before = (await assignmentsOfTenant()).length;
    const again = await generateRotaForPeriod(ctx, period);
    expect(again.members).toEqual(first);
    expect(await assignmentsOfTenant()).toHaveLength(before);
  });

  it('refuses staff (staffing:write is the lead’s) and a period starting in the past, changing nothing', async () => {
    const before = (await assignmentsOfTenant()).length;
    expect((await rejection(generateRotaForPeriod(await contextFor(database, staffIds[0]!, { now }), period))).code).toBe('auth.forbidden');
    const err = await rejection(generateRotaForPeriod(await contextFor(database, leadId, { now }), { from: '2026-11-01', to: '2026-11-30' }));
    expect(err.code).toBe('staffing.generate_in_past');
    expect(await assignmentsOfTenant()).toHaveLength(before);
  });

  it('refuses a period over 92 days', async () => {
    const err = await rejection(getRota(await contextFor(database, leadId, { now }), { from: '2026-12-01', to: '2027-04-01' }));
    expect(err.code).toBe('staffing.period_too_long');
  });
});

describe('editing by hand', () => {
  it('adds a person to a short weekend shift, which clears its warning, and removes them again', async () => {
    const ctx = await contextFor(database, leadId, { now });
    const rota = await getRota(ctx, period);
    const warning = rota.warnings.find((w) => w.day === '2026-12-05' && w.shift === 'evening')!;
    const day = rota.days.find((d) => d.day === '2026-12-05')!;
    const free = rota.members.find((m) => !day.shifts.some((s) => s.assigned.some((a) => a.userId === m.userId)))!;
    expect(warning).toMatchObject({ required: 1, assigned: 0 });
    const after = await addAssignment(ctx, { day: '2026-12-05', shift: 'evening', userId: free.userId });
    expect(after.warnings.find((w) => w.shift === 'evening')).toBeUndefined();
    const added = after.days[0]!.shifts.find((s) => s.shift === 'evening')!.assigned[0]!;
    expect(added).toMatchObject({ userId: free.userId, source: 'manual' });

    const err = await rejection(addAssignment(ctx, { day: '2026-12-05', shift: 'day', userId: free.userId }));
    expect(err.code).toBe('staffing.already_on_shift');

    await removeAssignment(ctx, added.id);
    expect((await getRota(ctx, { from: '2026-12-05', to: '2026-12-05' })).warnings.some((w) => w.shift === 'evening')).toBe(true);
  });

  it('refuses someone who cannot be on the rota, staff editing, and an unknown assignment', async () => {
    const ctx = await contextFor(database, leadId, { now });
    const err = await rejection(addAssignment(ctx, { day: '2026-12-01', shift: 'day', userId: navId }));
    expect(err.code).toBe('staffing.not_on_rota');
    expect((await rejection(addAssignment(await contextFor(database, staffIds[0]!, { now }), { day: '2026-12-01', shift: 'day', userId: leadId }))).code).toBe(
      'auth.forbidden',
    );
    expect((await rejection(removeAssignment(ctx, '00000000-0000-4000-8000-000000000000'))).code).toBe('staffing.assignment_not_found');
  });

  it('lets staff read the rota but not NAV', async () => {
    expect((await getRota(await contextFor(database, staffIds[1]!, { now }), period)).days).toHaveLength(28);
    expect((await rejection(getRota(await contextFor(database, navId, { now }), period))).code).toBe('auth.forbidden');
  });
});

describe('setWeekendGroup', () => {
  it('moves a person to another weekend group, which the next generated rota follows', async () => {
    const ctx = await contextFor(database, leadId, { now });
    const anne = staffIds[0]!;
    const members = await setWeekendGroup(ctx, anne, { weekendGroup: 2 });
    expect(members.find((m) => m.userId === anne)!.weekendGroup).toBe(2);
    const rota = await generateRotaForPeriod(ctx, period);
    const anneWeekends = rota.days.filter((d) => d.isWeekend && d.shifts.some((s) => s.assigned.some((a) => a.userId === anne)));
    expect(anneWeekends.length).toBeGreaterThan(0);
    expect(anneWeekends.every((d) => d.weekendGroup === 2)).toBe(true);
  });

  it('refuses staff, and someone who cannot be on the rota, changing nothing', async () => {
    const before = await database.db.select().from(rotaMembers).where(eq(rotaMembers.tenantId, tenantId));
    expect((await rejection(setWeekendGroup(await contextFor(database, staffIds[1]!, { now }), staffIds[1]!, { weekendGroup: 0 }))).code).toBe('auth.forbidden');
    expect((await rejection(setWeekendGroup(await contextFor(database, leadId, { now }), navId, { weekendGroup: 0 }))).code).toBe('staffing.not_on_rota');
    expect(await database.db.select().from(rotaMembers).where(eq(rotaMembers.tenantId, tenantId))).toEqual(before);
  });
});

describe('the pattern (a dated setting)', () => {
  it('starts at the domain default and changes from a day on, which the rota follows', async () => {
    const ctx = await contextFor(database, leadId, { now });
    expect(await getStaffingPattern(ctx)).toMatchObject({ isDefault: true, weekday: { day: 2, evening: 1, night: 0 }, weekend: { day: 2, evening: 1, night: 0 } });
    const changed = await updateStaffingPattern(
      ctx,
      staffingPatternInput.parse({ weekday: { day: 2, evening: 1, night: 0 }, weekend: { day: 1, evening: 1, night: 0 }, validFrom: '2026-12-10', reason: 'Færre beboere i helgene.' }),
    );
    expect(changed.isDefault).toBe(true); // not in force until the 10th
    expect(changed.history[0]).toMatchObject({ validFrom: '2026-12-10', weekend: { day: 1, evening: 1, night: 0 } });
    const rota = await getRota(ctx, { from: '2026-12-05', to: '2026-12-13' });
    expect(rota.days.find((d) => d.day === '2026-12-05')!.shifts[0]!.required).toBe(2);
    expect(rota.days.find((d) => d.day === '2026-12-12')!.shifts[0]!.required).toBe(1);
  });

  it('refuses bad counts in the schema and staff changing the pattern', async () => {
    const parsed = staffingPatternInput.safeParse({ weekday: { day: -1, evening: 1.5, night: 0 }, weekend: { day: 2, evening: 1, night: 0 }, reason: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['reason', 'weekday.day', 'weekday.evening']);
    const input = staffingPatternInput.parse({ weekday: { day: 3, evening: 1, night: 0 }, weekend: { day: 2, evening: 1, night: 0 }, reason: 'Mer folk.' });
    expect((await rejection(updateStaffingPattern(await contextFor(database, staffIds[0]!, { now }), input))).code).toBe('auth.forbidden');
  });
});
