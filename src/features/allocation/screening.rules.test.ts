import { describe, expect, it } from 'vitest';
import { deriveHouseholdFacts, explainScreening, screenReferral, type ScreeningAnswers, type ScreeningHousehold } from './screening.rules.ts';
import { nb } from '../../platform/i18n/catalogue.ts';

const ok: ScreeningAnswers = {
  inTargetGroup: true,
  canSelfEvacuate: true,
  elderlyOrSickUnable: false,
  activeSubstanceDependence: false,
  justReleasedFromPrison: false,
  justDischargedFromInstitution: false,
};
const adult: ScreeningHousehold = { applicantBirthDate: '1980-05-05', children: [] };
const today = '2026-11-26';

const screen = (answers: Partial<ScreeningAnswers> = {}, household: Partial<ScreeningHousehold> = {}, on = today) =>
  screenReferral({ ...ok, ...answers }, { ...adult, ...household }, on);
const line = (evaluation: ReturnType<typeof screen>, criterion: string) => evaluation.lines.find((l) => l.criterion === criterion)!;

describe('screenReferral', () => {
  it('finds an adult in the target group who can get out by themselves eligible, every line a pass', () => {
    const e = screen();
    expect(e.result).toBe('eligible');
    expect(e.exceptions).toEqual([]);
    expect(e.lines.map((l) => l.outcome)).toEqual(Array(8).fill('pass'));
  });

  it('explains every criterion in a fixed order', () => {
    expect(screen().lines.map((l) => l.criterion)).toEqual([
      'inTargetGroup',
      'canSelfEvacuate',
      'elderlyOrSickUnable',
      'activeSubstanceDependence',
      'childrenInHousehold',
      'youngPerson',
      'justReleasedFromPrison',
      'justDischargedFromInstitution',
    ]);
  });

  it('excludes someone who cannot bring themselves to safety', () => {
    const e = screen({ canSelfEvacuate: false });
    expect(e.result).toBe('excluded');
    expect(line(e, 'canSelfEvacuate')).toMatchObject({ answer: 'no', outcome: 'exclude', explanation: 'screening.explain.canSelfEvacuate.exclude' });
  });

  it('excludes elderly or sick people who cannot get out', () => {
    const e = screen({ elderlyOrSickUnable: true });
    expect(e.result).toBe('excluded');
    expect(line(e, 'elderlyOrSickUnable')).toMatchObject({ answer: 'yes', outcome: 'exclude' });
  });

  it('excludes active substance dependence', () => {
    const e = screen({ activeSubstanceDependence: true });
    expect(e.result).toBe('excluded');
    expect(line(e, 'activeSubstanceDependence')).toMatchObject({ answer: 'yes', outcome: 'exclude' });
  });

  it('excludes a household outside the target group', () => {
    expect(screen({ inTargetGroup: false }).result).toBe('excluded');
  });

  it('flags children in the household as an exception needing justification, with the count', () => {
    const e = screen({}, { children: [{ birthDate: '2019-05-01' }, { birthDate: '2015-01-01' }] });
    expect(e.result).toBe('needs_justification');
    expect(e.exceptions).toEqual(['children_in_household']);
    expect(line(e, 'childrenInHousehold')).toMatchObject({ answer: 'yes', outcome: 'exception' });
    expect(deriveHouseholdFacts({ ...adult, children: [{ birthDate: '2019-05-01' }, { birthDate: '2015-01-01' }] }, today).childCount).toBe(2);
  });

  it('does not count a "child" who has turned 18 by the screening day', () => {
    const e = screen({}, { children: [{ birthDate: '2008-11-26' }] });
    expect(line(e, 'childrenInHousehold').outcome).toBe('pass');
    expect(screen({}, { children: [{ birthDate: '2008-11-27' }] }).result).toBe('needs_justification');
  });

  it('counts a child with no birth date as a child', () => {
    expect(screen({}, { children: [{ birthDate: null }] }).exceptions).toEqual(['children_in_household']);
  });

  it('flags a young person under 25 on the screening day, derived from the birth date', () => {
    const e = screen({}, { applicantBirthDate: '2002-11-27' });
    expect(e.result).toBe('needs_justification');
    expect(e.exceptions).toEqual(['young_person']);
    expect(line(e, 'youngPerson')).toMatchObject({ answer: 'yes', outcome: 'exception' });
    expect(deriveHouseholdFacts({ ...adult, applicantBirthDate: '2002-11-27' }, today).youngestAdultAge).toBe(23);
  });

  it('no longer flags someone on their 25th birthday', () => {
    expect(screen({}, { applicantBirthDate: '2001-11-26' }).result).toBe('eligible');
    expect(screen({}, { applicantBirthDate: '2001-11-27' }).result).toBe('needs_justification');
  });

  it('counts age on the screening day, not another day', () => {
    expect(screen({}, { applicantBirthDate: '2001-12-01' }, '2026-11-26').result).toBe('needs_justification');
    expect(screen({}, { applicantBirthDate: '2001-12-01' }, '2026-12-01').result).toBe('eligible');
  });

  it('flags a young partner too', () => {
    const e = screen({}, { partner: { birthDate: '2006-02-01' } });
    expect(e.exceptions).toEqual(['young_person']);
    expect(deriveHouseholdFacts({ ...adult, partner: { birthDate: '2006-02-01' } }, today).youngestAdultAge).toBe(20);
  });

  it('treats a missing birth date as an age that must be checked', () => {
    const e = screen({}, { applicantBirthDate: null });
    expect(e.result).toBe('needs_justification');
    expect(line(e, 'youngPerson')).toMatchObject({ answer: 'unknown', outcome: 'exception', explanation: 'screening.explain.youngPerson.unknown' });
    expect(screen({}, { partner: { birthDate: null } }).exceptions).toEqual(['young_person']);
  });

  it('flags people just released from prison or discharged from an institution', () => {
    const e = screen({ justReleasedFromPrison: true, justDischargedFromInstitution: true });
    expect(e.result).toBe('needs_justification');
    expect(e.exceptions).toEqual(['released_from_prison', 'discharged_from_institution']);
  });

  it('lets an exclusion win over exceptions', () => {
    const e = screen({ activeSubstanceDependence: true, justReleasedFromPrison: true }, { children: [{ birthDate: '2020-01-01' }] });
    expect(e.result).toBe('excluded');
    expect(e.exceptions).toEqual(['children_in_household', 'released_from_prison']);
  });

  it('gives every line an explanation that exists in the catalogue', () => {
    const all = [
      screen(),
      screen(
        { inTargetGroup: false, canSelfEvacuate: false, elderlyOrSickUnable: true, activeSubstanceDependence: true, justReleasedFromPrison: true, justDischargedFromInstitution: true },
        { applicantBirthDate: '2005-01-01', children: [{ birthDate: '2020-01-01' }] },
      ),
      screen({}, { applicantBirthDate: null }),
    ];
    for (const e of all) for (const l of e.lines) expect(nb).toHaveProperty([l.explanation]);
  });
});

describe('explainScreening', () => {
  it('gives the same result from stored answers and facts as the screening did', () => {
    const household: ScreeningHousehold = { applicantBirthDate: '2003-01-01', children: [{ birthDate: '2021-01-01' }] };
    const first = screenReferral(ok, household, today);
    expect(explainScreening(ok, deriveHouseholdFacts(household, today))).toEqual(first);
  });
});
