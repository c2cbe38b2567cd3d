import type { Db } from '../../platform/db/client.ts';
import { stays } from '../stays/stays.tables.ts';
import { paymentArrangements, paymentCharges, residentPayments } from './payments.tables.ts';
import { addDays, monthOf, monthlyCharge, nextMonth, type ArrangementAt } from './payments.rules.ts';
import { osloDate } from '../../platform/time/oslo.ts';

/**
 * A former resident for the payments pages: a stay that began about three months ago and ended last
 * month, a reduced arrangement (3 000 kr a month, assessed by NAV), the months charged as the monthly
 * job would have, and one payment, so /betaling shows a balance in arrears to follow up.
 */
export async function seedPaymentsDemo(db: Db, input: { tenantId: string; roomId: string; personId: string; now: Date }) {
  const today = osloDate(input.now);
  const thisMonth = monthOf(today);
  const lastMonth = monthOf(addDays(`${thisMonth}-01`, -1));
  const firstMonth = monthOf(addDays(`${monthOf(addDays(`${lastMonth}-01`, -1))}-01`, -1));
  const startOn = `${firstMonth}-10`;
  const endOn = `${lastMonth}-15`;
  await db.insert(stays).values({ tenantId: input.tenantId, roomId: input.roomId, personId: input.personId, startOn, plannedEndOn: addDays(startOn, 90), endOn, checkedInAt: new Date(`${startOn}T14:00:00Z`) });
  const [arrangement] = await db
    .insert(paymentArrangements)
    .values({
      tenantId: input.tenantId,
      personId: input.personId,
      kind: 'reduced',
      validFromOn: startOn,
      decidedOn: startOn,
      amountOre: 300_000,
      per: 'month',
      reason: 'Arbeidsavklaringspenger og gjeld under oppgjør (demo)',
      assessedBy: 'Nina NAV-veileder',
      createdAt: input.now,
    })
    .returning();
  const terms: ArrangementAt[] = [{ id: arrangement!.id, validFrom: startOn, terms: { kind: 'reduced', amountOre: 300_000, per: 'month' } }];
  for (let m = firstMonth; m <= lastMonth; m = nextMonth(m)) {
    const charge = monthlyCharge({ month: m, stays: [{ startOn, endOn }], countUntil: `${nextMonth(m)}-01`, rates: [], caps: [], arrangements: terms });
    await db.insert(paymentCharges).values({ tenantId: input.tenantId, personId: input.personId, month: m, kind: 'charge', amountOre: charge.amountDueOre, nights: charge.nights, calculation: charge, createdAt: input.now });
  }
  await db.insert(residentPayments).values({ tenantId: input.tenantId, personId: input.personId, paidOn: `${lastMonth}-05`, amountOre: 300_000, method: 'bank_transfer', reference: 'Demo', createdAt: input.now });
}
