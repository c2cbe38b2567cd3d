import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users, userRoles } from '../../auth/auth.tables.ts';
import { shiftLogEntries } from '../../../features/shift-log/shift-log.tables.ts';
import { patrolRounds } from '../../../features/patrols/patrols.tables.ts';
import { lastNightOver } from '../../../features/patrols/patrols.rules.ts';
import { osloInstant } from '../../../features/journal/journal.rules.ts';
import { addDays, shiftAt } from '../../../features/shift-log/shift-log.rules.ts';
import { rotaAssignments, rotaMembers } from '../../../features/staffing/staffing.tables.ts';
import { assignWeekendGroups, daysBetween, DEFAULT_PATTERN, generateRota, needsOn } from '../../../features/staffing/staffing.rules.ts';
import { osloDate } from '../../time/oslo.ts';

// Demo data of the daily operations (issue 7): more staff for the rota, a few shift-log entries of
// the last day, the security company's rounds of the last week (one night a round short) and a rota
// for the next four weeks. Fictional people only.

const extraStaff = [
  { username: 'miljo1', displayName: 'Anne Miljøterapeut' },
  { username: 'miljo2', displayName: 'Tor Miljøterapeut' },
  { username: 'miljo3', displayName: 'Hege Prosjektmedarbeider' },
];

export async function seedOperations(tx: Db, tenantId: string, passwordHash: string, now: Date): Promise<void> {
  for (const u of extraStaff) {
    const [user] = await tx
      .insert(users)
      .values({ tenantId, username: u.username, displayName: u.displayName, passwordHash, email: `${u.username}@demo.bolignu.no` })
      .returning();
    await tx.insert(userRoles).values({ userId: user!.id, roleKey: 'staff' });
  }
  const staff = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.tenantId, tenantId));
  const byName = (username: string) => staff.find((s) => s.username === username)!.id;

  // The shift log: three entries in the last day, written when they happened.
  const entries = [
    { hoursAgo: 20, body: 'Rolig i huset. To beboere på kjøkkenet en stund. Ytterdøra sjekket og låst.', by: 'ansatt' },
    { hoursAgo: 9, body: 'Vekter meldte at bakdøra stod på gløtt i natt. Lukket og låst av vekter. Sjekk låsen.', by: 'ansatt' },
    { hoursAgo: 3, body: 'Låsesmed bestilt til bakdøra. Brannalarmen testet, alt i orden.', by: 'miljo1' },
  ];
  for (const e of entries) {
    const at = new Date(now.getTime() - e.hoursAgo * 3_600_000);
    const { shiftDate, shift } = shiftAt(at);
    await tx.insert(shiftLogEntries).values({ tenantId, shiftDate, shift, occurredAt: at, body: e.body, createdAt: at, createdBy: byName(e.by) });
  }

  // Night rounds of the last seven nights; the night three nights ago is one round short.
  const last = lastNightOver(now);
  for (let i = 0; i < 7; i++) {
    const night = addDays(last, -i);
    const times = i === 2 ? ['23:40'] : ['23:40', '03:15'];
    for (const time of times) {
      const day = time < '12:00' ? addDays(night, 1) : night;
      const at = osloInstant(day, time);
      await tx.insert(patrolRounds).values({
        tenantId,
        nightOf: night,
        patrolledAt: at,
        guardName: i % 2 === 0 ? 'Vekter Robert Eide' : 'Vekter Lise Moen',
        findings: i === 1 && time === '03:15' ? 'Bakdøra stod på gløtt. Lukket og låst.' : null,
        needsIncident: i === 1 && time === '03:15',
        incidentNote: i === 1 && time === '03:15' ? 'Dør ikke låst om natten' : null,
        createdAt: at,
        createdBy: byName('ansatt'),
      });
    }
  }

  // The rota for the next four weeks from the domain's pattern.
  const rotaStaff = staff.filter((s) => ['ansatt', 'leder', ...extraStaff.map((u) => u.username)].includes(s.username));
  const members = assignWeekendGroups([], rotaStaff.map((s) => s.id));
  await tx.insert(rotaMembers).values(members.map((m) => ({ ...m, tenantId, createdAt: now })));
  const today = osloDate(now);
  const rota = generateRota(daysBetween(today, addDays(today, 27)), members, (day) => needsOn(DEFAULT_PATTERN, day));
  await tx.insert(rotaAssignments).values(rota.map((a) => ({ ...a, tenantId, source: 'generated' as const, createdAt: now, createdBy: byName('leder') })));
}
