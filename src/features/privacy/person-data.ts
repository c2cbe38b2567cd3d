import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Replaces free text that must stay non-empty. */
export const ANONYMISED = '[anonymisert]';

/** One table's part of a person's data. */
export interface PersonDataTable {
  table: PgTable;
  /** The rows that concern the person (the tenant is added by the caller). */
  match: (personId: string) => SQL;
  /**
   * What retention does to these rows: column (Drizzle property name) → replacement. Names, ids,
   * contact details and free text go; dates, codes and links stay so statistics still count.
   * Leave out for tables with nothing personal beyond the link to the person.
   */
  anonymise?: Record<string, unknown>;
  /** Rows only some may see (sensitive journal entries); others are told how many were left out. */
  restricted?: { permission: string; rows: SQL };
  /** Rows shared with others (an incident with several people): erasure leaves them, anonymisation still applies. */
  keepOnErasure?: boolean;
}

/**
 * A section of "everything stored about a person" (GDPR art. 15), owned by the feature whose tables
 * it covers. The export reads it, retention anonymises by it, erasure deletes by it (tables in
 * reverse order, so rows that point at others go first). A test fails if a table with a person_id
 * column is in no section: a new feature with personal data adds a `<feature>.person-data.ts` and
 * one line in `person-data.sections.ts`.
 */
export interface PersonDataSection {
  key: string;
  title: { nb: string; en: string };
  tables: PersonDataTable[];
}
