import { sql } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { paymentArrangements, paymentCharges, residentPayments } from './payments.tables.ts';

// The person's self-payment: arrangements, monthly charges and corrections, payments. The three tables
// are append-only (a trigger refuses updates and deletes: money is corrected by new lines), so
// retention does not rewrite them yet; their free text (reason, assessed by, NAV's reference, payment
// reference) holds no health data. Known gap: the trigger must let retention blank those columns.
export const paymentsPersonData: PersonDataSection = {
  key: 'payments',
  title: { nb: 'Egenbetaling: ordninger, beregninger og innbetalinger', en: 'Self-payment: arrangements, charges and payments' },
  tables: [
    { table: paymentArrangements, match: (id) => sql`${paymentArrangements.personId} = ${id}` },
    { table: paymentCharges, match: (id) => sql`${paymentCharges.personId} = ${id}` },
    { table: residentPayments, match: (id) => sql`${residentPayments.personId} = ${id}` },
  ],
};
