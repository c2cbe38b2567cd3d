import type { CurrentUser } from '../../platform/http/context.ts';
import type { HelpKind } from './housing-search.help.queries.ts';
import { osloDate } from '../../platform/time/oslo.ts';

/**
 * Who sees what of a resident's housing search. Staff and the service lead read people's records
 * (person:read) and see all of it. The housing office (housing_search:read without person:read) works
 * with listings and landlords, and of the residents sees only their applications for municipal
 * housing — the applications addressed to the housing office itself. The limit is applied in the SQL.
 */
export function seesResidents(user: CurrentUser): boolean {
  return user.permissions.has('person:read');
}

export const housingOfficeKinds: readonly HelpKind[] = ['municipal_housing'];

/** The kinds of applications for help the user may see; undefined means all. */
export function visibleHelpKinds(user: CurrentUser): readonly HelpKind[] | undefined {
  return seesResidents(user) ? undefined : housingOfficeKinds;
}

export const isoToday = (now: Date) => osloDate(now);
