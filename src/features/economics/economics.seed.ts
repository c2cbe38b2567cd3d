import type { Db } from '../../platform/db/client.ts';
import { externalPurchases, externalYearTotals, operatingBudgets } from './economics.tables.ts';
import { osloDate } from '../../platform/time/oslo.ts';

/**
 * The Bodø figures for 2010–2013 from the application for Bolig Nu (costs of temporary accommodation,
 * households, households staying over three months; 2013's last figure was not given), and a few
 * fictional figures for this year so the economics page shows something.
 */
export const bodoYearTotals = [
  { year: 2010, kroner: 267_000, households: 22, householdsOverThreeMonths: 0 },
  { year: 2011, kroner: 2_550_000, households: 67, householdsOverThreeMonths: 11 },
  { year: 2012, kroner: 4_792_353, households: 90, householdsOverThreeMonths: 20 },
  { year: 2013, kroner: 5_399_000, households: 92, householdsOverThreeMonths: null },
] as const;

export async function seedEconomicsDemo(db: Db, tenantId: string, now: Date) {
  const year = Number(osloDate(now).slice(0, 4));
  await db.insert(externalYearTotals).values(
    bodoYearTotals.map((t) => ({
      tenantId,
      year: t.year,
      amountOre: t.kroner * 100,
      households: t.households,
      householdsOverThreeMonths: t.householdsOverThreeMonths,
      source: 'Bodø kommune: søknad om prosjektmidler til Bolig Nu (2013)',
      updatedAt: now,
    })),
  );
  await db.insert(operatingBudgets).values({ tenantId, year, amountOre: 2_400_000 * 100, note: 'Eksempeltall (demo)', updatedAt: now });
  await db.insert(externalPurchases).values(
    [
      { purchasedOn: `${year}-01-14`, provider: 'Bodø Hospits', household: 'Enslig mann', nights: 3, kroner: 2_850 },
      { purchasedOn: `${year}-02-02`, provider: 'Gjestehuset Sentrum', household: 'Mor med to barn', nights: 5, kroner: 6_250 },
      { purchasedOn: `${year}-04-20`, provider: 'Bodø Hospits', household: 'Par', nights: 2, kroner: 1_900 },
      { purchasedOn: `${year}-06-11`, provider: 'Nordlys Pensjonat', household: 'Enslig kvinne', nights: 4, kroner: 3_960 },
    ].map(({ kroner, ...p }) => ({ tenantId, ...p, amountOre: kroner * 100, createdAt: now })),
  );
}
