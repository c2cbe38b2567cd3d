import { describe, expect, it } from 'vitest';
import { daysOverdue, isOverdue, osloDate, osloInstant, osloTime } from './journal.rules.ts';
import { contactedServices, goalProgress as goalProgressTable, journalEntryTypes } from './journal.tables.ts';
import { contactedService, journalEntryInput, journalEntryType } from './journal.schema.ts';
import { goalProgress } from './goals.schema.ts';

describe('osloInstant: the wall-clock time staff type, in Europe/Oslo', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(osloInstant('2026-11-26', '14:30').toISOString()).toBe('2026-11-26T13:30:00.000Z');
    expect(osloInstant('2026-07-01', '00:15').toISOString()).toBe('2026-06-30T22:15:00.000Z');
  });

  it('takes the first (summer-time) 02:30 on the night the clocks go back', () => {
    expect(osloInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(osloInstant('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('moves a time in the spring gap an hour on, as the wall clock would', () => {
    const instant = osloInstant('2026-03-29', '02:30');
    expect(osloDate(instant)).toBe('2026-03-29');
    expect(osloTime(instant)).toBe('03:30');
  });

  it('round-trips through osloDate and osloTime', () => {
    const instant = osloInstant('2026-12-31', '23:59');
    expect([osloDate(instant), osloTime(instant)]).toEqual(['2026-12-31', '23:59']);
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date, while open', () => {
    expect(isOverdue({ dueOn: '2026-11-26', doneAt: null }, '2026-11-26')).toBe(false);
    expect(isOverdue({ dueOn: '2026-11-26', doneAt: null }, '2026-11-27')).toBe(true);
    expect(isOverdue({ dueOn: '2026-11-26', doneAt: new Date() }, '2026-11-27')).toBe(false);
    expect(isOverdue({ dueOn: null, doneAt: null }, '2026-11-27')).toBe(false);
    expect(daysOverdue('2026-11-26', '2026-12-01')).toBe(5);
  });
});

describe('the schema', () => {
  it('has the same lists as the tables', () => {
    expect(journalEntryType.options).toEqual([...journalEntryTypes]);
    expect(contactedService.options).toEqual([...contactedServices]);
    expect(goalProgress.options).toEqual([...goalProgressTable]);
  });

  it('requires the service for a contact with another service, and only then', () => {
    const base = { occurredOn: '2026-11-26', occurredTime: '10:00', body: 'Ringte NAV om depositum.' };
    expect(journalEntryInput.safeParse({ ...base, type: 'service_contact' }).error!.issues[0]).toMatchObject({
      path: ['service'],
      message: 'journal.validation.serviceRequired',
    });
    expect(journalEntryInput.safeParse({ ...base, type: 'service_contact', service: 'nav' }).success).toBe(true);
    expect(journalEntryInput.safeParse({ ...base, type: 'note', service: 'nav' }).error!.issues[0]!.path).toEqual(['service']);
  });

  it('takes a time as hh:mm only', () => {
    const base = { occurredOn: '2026-11-26', type: 'note', body: 'x' };
    expect(journalEntryInput.safeParse({ ...base, occurredTime: '24:00' }).error!.issues[0]!.message).toBe('journal.validation.time');
    expect(journalEntryInput.safeParse({ ...base, occurredTime: '9:30' }).success).toBe(false);
    expect(journalEntryInput.safeParse({ ...base, occurredTime: '09:30' }).success).toBe(true);
  });
});
