import { sql, type AnyColumn } from 'drizzle-orm';
import type { PersonDataSection } from '../privacy/person-data.ts';
import { ANONYMISED } from '../privacy/person-data.ts';
import { paymentArrangements, paymentCharges, residentPayments } from './payments.tables.ts';

// The person's self-payment: arrangements, monthly charges and corrections, payments. The three tables
// are append-only: a trigger refuses updates and deletes (money is corrected by new lines). Retention's
// one exception (migration `security_ops_extra`): with the transaction's flag bolignu.anonymising on,
// an update may set the free-text columns named in the trigger to NULL or ANONYMISED and change nothing
// else, so amounts, dates, kinds and methods stay for the accounts and the reports. The charges hold
// no free text (their calculation is numbers, dates and ids) and are left as they are.

/** Text that was there becomes ANONYMISED; an empty column stays empty (the arrangement's terms check needs both). */
const blankIfSet = (column: AnyColumn) => sql`case when ${column} is null then null else ${ANONYMISED} end`;

export const paymentsPersonData: PersonDataSection = {
  key: 'payments',
  title: { nb: 'Egenbetaling: ordninger, beregninger og innbetalinger', en: 'Self-payment: arrangements, charges and payments' },
  tables: [
    {
      table: paymentArrangements,
      match: (id) => sql`${paymentArrangements.personId} = ${id}`,
      anonymise: {
        reason: blankIfSet(paymentArrangements.reason),
        assessedBy: blankIfSet(paymentArrangements.assessedBy),
        navDecisionReference: blankIfSet(paymentArrangements.navDecisionReference),
      },
    },
    { table: paymentCharges, match: (id) => sql`${paymentCharges.personId} = ${id}` },
    { table: residentPayments, match: (id) => sql`${residentPayments.personId} = ${id}`, anonymise: { reference: null } },
  ],
};
