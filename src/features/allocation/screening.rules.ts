import type { MessageKey } from '../../platform/i18n/catalogue.ts';
import { ageOn } from '../people/people.rules.ts';

// Screening of a referral against the target group and the fire-safety assessment of the house:
// every resident must be able to bring themselves to safety in an emergency, so the house does not
// take elderly or sick people who cannot, nor people in active substance dependence. Families with
// children, young people, and people just released from prison or discharged from an institution
// are exceptions that need a recorded justification (Social Services Act § 27 practice).

export type ScreeningResult = 'eligible' | 'needs_justification' | 'excluded';
export type ScreeningOutcome = 'pass' | 'exclude' | 'exception';

/** What the screener answers. Children and age are not asked: they come from the household. */
export interface ScreeningAnswers {
  inTargetGroup: boolean;
  canSelfEvacuate: boolean;
  elderlyOrSickUnable: boolean;
  activeSubstanceDependence: boolean;
  justReleasedFromPrison: boolean;
  justDischargedFromInstitution: boolean;
}

export const screeningQuestions = [
  'inTargetGroup',
  'canSelfEvacuate',
  'elderlyOrSickUnable',
  'activeSubstanceDependence',
  'justReleasedFromPrison',
  'justDischargedFromInstitution',
] as const satisfies readonly (keyof ScreeningAnswers)[];

/** The household as screening sees it: the adults' birth dates and the children. */
export interface ScreeningHousehold {
  applicantBirthDate: string | null;
  partner?: { birthDate: string | null } | null;
  children: { birthDate: string | null }[];
}

/** Facts derived from the household on the screening day; the three flags are stored with the answers. */
export interface HouseholdFacts {
  childrenInHousehold: boolean;
  youngPerson: boolean;
  /** An adult's birth date is missing, so the age could not be checked. */
  ageUnknown: boolean;
  /** For the screener's eyes only (not stored): how many children, the youngest adult's age. */
  childCount?: number;
  youngestAdultAge?: number | null;
}

export type ScreeningCriterion = (typeof screeningQuestions)[number] | 'childrenInHousehold' | 'youngPerson';

export interface ScreeningLine {
  criterion: ScreeningCriterion;
  answer: 'yes' | 'no' | 'unknown';
  outcome: ScreeningOutcome;
  /** A catalogue key: the explanation in the user's language. */
  explanation: MessageKey;
}

export type ScreeningException = 'children_in_household' | 'young_person' | 'released_from_prison' | 'discharged_from_institution';

export interface ScreeningEvaluation {
  result: ScreeningResult;
  lines: ScreeningLine[];
  exceptions: ScreeningException[];
}

/** Young people (under 25) need a justification: the threshold is the one the guidance on § 27 uses. */
export const youngPersonAgeLimit = 25;

/**
 * Derives the household facts on the screening day. A young person is anyone of the adults under
 * 25 years old on `today`, counted from the birth date (never from the national id number, which
 * from 2032 carries no age). Children are those under 18 on `today`.
 */
export function deriveHouseholdFacts(household: ScreeningHousehold, today: string): HouseholdFacts {
  const childCount = household.children.filter((c) => !c.birthDate || ageOn(c.birthDate, today) < 18).length;
  const adultBirthDates = [household.applicantBirthDate, ...(household.partner ? [household.partner.birthDate] : [])];
  const known = adultBirthDates.filter((d): d is string => !!d);
  const ages = known.map((d) => ageOn(d, today));
  const youngestAdultAge = ages.length ? Math.min(...ages) : null;
  return {
    childrenInHousehold: childCount > 0,
    childCount,
    youngPerson: youngestAdultAge !== null && youngestAdultAge < youngPersonAgeLimit,
    ageUnknown: known.length < adultBirthDates.length,
    youngestAdultAge,
  };
}

/**
 * Explains answers and household facts line by line and gives the result: any exclusion makes the
 * referral excluded; otherwise any exception means it needs a justification; otherwise eligible.
 * Used for a new screening and to show a stored one again (its answers hold the facts of its day).
 */
export function explainScreening(answers: ScreeningAnswers, facts: Pick<HouseholdFacts, 'childrenInHousehold' | 'youngPerson' | 'ageUnknown'>): ScreeningEvaluation {
  const lines: ScreeningLine[] = [
    answers.inTargetGroup
      ? { criterion: 'inTargetGroup', answer: 'yes', outcome: 'pass', explanation: 'screening.explain.inTargetGroup.pass' }
      : { criterion: 'inTargetGroup', answer: 'no', outcome: 'exclude', explanation: 'screening.explain.inTargetGroup.exclude' },
    answers.canSelfEvacuate
      ? { criterion: 'canSelfEvacuate', answer: 'yes', outcome: 'pass', explanation: 'screening.explain.canSelfEvacuate.pass' }
      : { criterion: 'canSelfEvacuate', answer: 'no', outcome: 'exclude', explanation: 'screening.explain.canSelfEvacuate.exclude' },
    answers.elderlyOrSickUnable
      ? { criterion: 'elderlyOrSickUnable', answer: 'yes', outcome: 'exclude', explanation: 'screening.explain.elderlyOrSickUnable.exclude' }
      : { criterion: 'elderlyOrSickUnable', answer: 'no', outcome: 'pass', explanation: 'screening.explain.elderlyOrSickUnable.pass' },
    answers.activeSubstanceDependence
      ? { criterion: 'activeSubstanceDependence', answer: 'yes', outcome: 'exclude', explanation: 'screening.explain.activeSubstanceDependence.exclude' }
      : { criterion: 'activeSubstanceDependence', answer: 'no', outcome: 'pass', explanation: 'screening.explain.activeSubstanceDependence.pass' },
    facts.childrenInHousehold
      ? { criterion: 'childrenInHousehold', answer: 'yes', outcome: 'exception', explanation: 'screening.explain.childrenInHousehold.exception' }
      : { criterion: 'childrenInHousehold', answer: 'no', outcome: 'pass', explanation: 'screening.explain.childrenInHousehold.pass' },
    facts.youngPerson
      ? { criterion: 'youngPerson', answer: 'yes', outcome: 'exception', explanation: 'screening.explain.youngPerson.exception' }
      : facts.ageUnknown
        ? // Without a birth date the age cannot be ruled out: treat it as an exception to be looked at.
          { criterion: 'youngPerson', answer: 'unknown', outcome: 'exception', explanation: 'screening.explain.youngPerson.unknown' }
        : { criterion: 'youngPerson', answer: 'no', outcome: 'pass', explanation: 'screening.explain.youngPerson.pass' },
    answers.justReleasedFromPrison
      ? { criterion: 'justReleasedFromPrison', answer: 'yes', outcome: 'exception', explanation: 'screening.explain.justReleasedFromPrison.exception' }
      : { criterion: 'justReleasedFromPrison', answer: 'no', outcome: 'pass', explanation: 'screening.explain.justReleasedFromPrison.pass' },
    answers.justDischargedFromInstitution
      ? {
          criterion: 'justDischargedFromInstitution',
          answer: 'yes',
          outcome: 'exception',
          explanation: 'screening.explain.justDischargedFromInstitution.exception',
        }
      : { criterion: 'justDischargedFromInstitution', answer: 'no', outcome: 'pass', explanation: 'screening.explain.justDischargedFromInstitution.pass' },
  ];
  const exceptions: ScreeningException[] = [];
  if (facts.childrenInHousehold) exceptions.push('children_in_household');
  if (facts.youngPerson || facts.ageUnknown) exceptions.push('young_person');
  if (answers.justReleasedFromPrison) exceptions.push('released_from_prison');
  if (answers.justDischargedFromInstitution) exceptions.push('discharged_from_institution');
  const result: ScreeningResult = lines.some((l) => l.outcome === 'exclude')
    ? 'excluded'
    : lines.some((l) => l.outcome === 'exception')
      ? 'needs_justification'
      : 'eligible';
  return { result, lines, exceptions };
}

/** Screens a referral: the answers, the household and the screening day (ISO date, Europe/Oslo). */
export function screenReferral(answers: ScreeningAnswers, household: ScreeningHousehold, today: string): ScreeningEvaluation {
  return explainScreening(answers, deriveHouseholdFacts(household, today));
}
