import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { tenants } from '../tenants.tables.ts';
import { users, userRoles } from '../../auth/auth.tables.ts';
import { hashPassword } from '../../auth/password.ts';
import { houses, rooms, roomStateChanges } from '../../../features/rooms/rooms.tables.ts';
import { houseRulesVersions } from '../../../features/agreements/agreements.tables.ts';
import { people, householdMembers } from '../../../features/people/people.tables.ts';
import { syntheticNationalId } from '../../../features/people/people.rules.ts';
import { nationalIdHash, sealNationalId, type FieldKeys } from '../../crypto/field-crypto.ts';
import { demoFieldKeys } from '../../config/env.ts';

const sealedNationalId = (keys: FieldKeys, nationalId: string | null) => ({
  nationalIdSealed: nationalId && sealNationalId(keys, nationalId),
  nationalIdHash: nationalId && nationalIdHash(keys, nationalId),
});
import { seedAgreementTemplate } from '../../../features/agreements/agreements.seed.ts';
import { inventoryItems } from '../../../features/stays/stays.tables.ts';
import { seedRiskAnalysis } from '../../../features/risk/risk.seed.ts';
import { seedReportHistory } from '../../../features/reports/reports.seed.ts';
import { seedEconomicsDemo } from '../../../features/economics/economics.seed.ts';
import { seedPaymentsDemo } from '../../../features/payments/payments.seed.ts';
import { seedPrivacyDemo } from '../../../features/privacy/privacy.seed.ts';
import { seedOperations } from './operations.ts';

export const demoPassword = 'bolignu-demo';

export const demoUsers = [
  { username: 'ansatt', displayName: 'Siri Ansatt', role: 'staff' },
  { username: 'leder', displayName: 'Lars Leder', role: 'service_lead' },
  { username: 'nav', displayName: 'Nina NAV-veileder', role: 'nav_caseworker' },
  { username: 'bolig', displayName: 'Bjørn Boligkontoret', role: 'housing_office' },
  { username: 'styre', displayName: 'Stine Styringsgruppe', role: 'steering_group' },
  { username: 'admin', displayName: 'Ada Administrator', role: 'admin' },
] as const;

// Example house rules in the spirit of the Bodø service's (its own text was an attachment not published).
const demoHouseRules = [
  'Besøk er tillatt mellom kl. 10 og 22. Besøkende meldes til personalet og kan ikke overnatte.',
  'Det er ikke tillatt å bruke eller oppbevare rusmidler i huset.',
  'Røyking er bare tillatt ute, på anvist plass.',
  'Det skal være ro i huset mellom kl. 23 og 07.',
  'Ytterdøren skal alltid være låst. Nøkler lånes ikke ut til andre.',
  'Ved brannalarm går alle ut til møteplassen foran huset. Brannvarslere og slokkeutstyr skal ikke tildekkes.',
  'Personalet kan gå inn på hybelen etter avtale, og uten avtale ved fare for liv, helse eller brann.',
  'Vold, trusler og skadeverk kan føre til at oppholdet avsluttes.',
  'Fellesarealer ryddes etter bruk.',
];

export async function hasAnyTenant(db: Db): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from tenants`);
  return ((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0;
}

/** The demo service of the README: Bolig Nu in Bodø, seven rooms, fictional people, a user per role. */
/** Demo data; identity numbers are encrypted with the given keys (the app's, so it can read them). */
export async function seedDemo(db: Db, keys: FieldKeys = demoFieldKeys): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ name: 'Bodø kommune', municipalityNumber: '1804' }).returning();
    const tenantId = tenant!.id;
    const [house] = await tx
      .insert(houses)
      .values({ tenantId, name: 'Bolig Nu', streetAddress: 'Kongens gate 60', postalCode: '8006', city: 'Bodø' })
      .returning();
    const createdRooms = await tx.insert(rooms).values(
      Array.from({ length: 7 }, (_, i) => ({
        tenantId,
        houseId: house!.id,
        name: `H${i + 1}`,
        sortOrder: i + 1,
        isCrisisRoom: i === 0,
        takesCouples: i >= 5,
        capacity: i >= 5 ? 2 : 1,
      })),
    ).returning({ id: rooms.id });
    await tx.insert(roomStateChanges).values(createdRooms.map((r) => ({ tenantId, roomId: r.id, changedAt: now, toState: 'ready' as const })));
    // The inventory list every room is checked against at check-in and move-out.
    await tx.insert(inventoryItems).values(
      createdRooms.flatMap((r) => ['Seng med madrass', 'Dyne og pute', 'Skrivebord', 'Stol', 'Garderobeskap', 'Gardiner'].map((name) => ({ tenantId, roomId: r.id, name }))),
    );
    await tx.insert(houseRulesVersions).values({ tenantId, version: 1, rules: demoHouseRules, publishedAt: now });
    await seedAgreementTemplate(tx, tenantId, now);
    const passwordHash = await hashPassword(demoPassword);
    let leadId = '';
    for (const u of demoUsers) {
      const [user] = await tx
        .insert(users)
        .values({ tenantId, username: u.username, displayName: u.displayName, passwordHash, email: `${u.username}@demo.bolignu.no` })
        .returning();
      await tx.insert(userRoles).values({ userId: user!.id, roleKey: u.role });
      if (u.role === 'service_lead') leadId = user!.id;
    }
    // The ROS analysis with Bodø's threshold change from 9 to 11, and a few incidents.
    await seedRiskAnalysis(tx, tenantId, leadId, now);
    // Fourteen months of former residents, so the reports have figures (issue #6).
    // H7 is left out: the payments demo gives it a former resident of the last three months.
    await seedReportHistory(tx, tenantId, createdRooms.slice(0, 6).map((r, i) => ({ id: r.id, couples: i >= 5 })), leadId, now);
    // Fictional people with synthetic test numbers (month + 80), one D-number, one with no number.
    const demoPeople = [
      { givenName: 'Kari', familyName: 'Nordmann', birthDateOn: '1994-03-12', idType: 'fnr' as const, ind: 120 },
      { givenName: 'Ola', familyName: 'Hansen', birthDateOn: '1988-11-02', idType: 'fnr' as const, ind: 345 },
      { givenName: 'Jonas', familyName: 'Berg', birthDateOn: '2005-07-21', idType: 'fnr' as const, ind: 512 },
      { givenName: 'Aleksander', familyName: 'Nowak', birthDateOn: '1979-01-30', idType: 'dnr' as const, ind: 701 },
      { givenName: 'Amina', familyName: 'Yusuf', birthDateOn: '1999-09-09', idType: 'none' as const, ind: 0 },
    ];
    for (const p of demoPeople) {
      const [row] = await tx
        .insert(people)
        .values({
          tenantId,
          givenName: p.givenName,
          familyName: p.familyName,
          birthDateOn: p.birthDateOn,
          idType: p.idType,
          ...sealedNationalId(keys, p.idType === 'none' ? null : syntheticNationalId(p.birthDateOn, p.ind, p.idType === 'dnr')),
          preferredLanguage: p.idType === 'dnr' ? 'pl' : 'nb',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (p.givenName === 'Ola') {
        await tx.insert(householdMembers).values({ tenantId, personId: row!.id, relation: 'child', name: 'Emma Hansen', birthDateOn: '2015-05-04' });
      }
      // A former resident with payments to follow up (a stay that ended last month in H7).
      if (p.givenName === 'Aleksander') await seedPaymentsDemo(tx, { tenantId, roomId: createdRooms[6]!.id, personId: row!.id, now });
    }
    await seedEconomicsDemo(tx, tenantId, now);
    await seedPrivacyDemo(tx, tenantId, createdRooms[6]!.id, now);
    await seedOperations(tx as unknown as Db, tenantId, passwordHash, now);
  });
}
