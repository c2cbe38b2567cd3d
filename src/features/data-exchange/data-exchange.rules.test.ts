import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv, unescapeCell } from './data-exchange.csv.ts';
import { readZip, writeZip } from './data-exchange.zip.ts';
import { deriveReferralStatus, entityOfFileName, findStayConflicts, nightsBetween, periodsOverlap, pseudonym, readUploadedFiles, validateRows, type RawIssue } from './data-exchange.rules.ts';
import { normaliseDate } from './data-exchange.schema.ts';
import { syntheticNationalId } from '../people/people.rules.ts';

describe('CSV', () => {
  it('reads semicolons or commas (from the header), quotes, doubled quotes, line breaks in a cell, a BOM and CRLF', () => {
    const t = parseCsv('\uFEFFid;name;note\r\n1;"Hus; gamle";"Sa ""hei""\r\nto linjer"\r\n2;B;\r\n\r\n');
    expect(t.header).toEqual(['id', 'name', 'note']);
    expect(t.records).toEqual([
      { row: 2, values: ['1', 'Hus; gamle', 'Sa "hei"\r\nto linjer'] },
      { row: 3, values: ['2', 'B', ''] },
    ]);
    expect(parseCsv('a,b\n1,"x,y"').records[0]!.values).toEqual(['1', 'x,y']);
  });

  it('writes what it reads back, and guards cells that a spreadsheet would run as formulas', () => {
    const rows = [['=SUM(A1)', '+47 400 00 000', 'semi;colon', 'quote "q"', null, true, 3]];
    const csv = toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows);
    expect(csv.startsWith('\uFEFFa;b;c;d;e;f;g\r\n')).toBe(true);
    expect(csv).toContain("'=SUM(A1)");
    const back = parseCsv(csv).records[0]!.values.map(unescapeCell);
    expect(back).toEqual(['=SUM(A1)', '+47 400 00 000', 'semi;colon', 'quote "q"', '', 'true', '3']);
  });
});

describe('ZIP', () => {
  it('reads back what it writes (deflated, UTF-8 names)', () => {
    const zip = writeZip([{ name: 'people.csv', data: Buffer.from('id;givenName\nP1;Åse\n') }, { name: 'tom.csv', data: Buffer.alloc(0) }], new Date('2026-11-26T10:00:00Z'));
    expect(readZip(zip)!.map((e) => [e.name, e.data.toString()])).toEqual([
      ['people.csv', 'id;givenName\nP1;Åse\n'],
      ['tom.csv', ''],
    ]);
    expect(readZip(Buffer.from('not a zip at all, just some text here'))).toBeNull();
  });
});

describe('reading files', () => {
  it('knows entities by file name', () => {
    expect(entityOfFileName('people.csv')).toBe('people');
    expect(entityOfFileName('eksport/STAYS.csv')).toBe('stays');
    expect(entityOfFileName('personer.csv')).toBeNull();
  });

  it('refuses a JSON file without the format marker, and the same entity given twice', () => {
    const { issues } = readUploadedFiles([
      { name: 'a.json', content: '{"people": []}', encoding: 'utf8' },
      { name: 'b.json', content: '{"format": "bolig-nu/data-exchange", "people": []}', encoding: 'utf8' },
      { name: 'people.csv', content: 'id\n', encoding: 'utf8' },
    ]);
    expect(issues.map((i) => [i.file, i.key])).toEqual([
      ['a.json', 'dataExchange.issue.jsonFormat'],
      ['people.csv', 'dataExchange.issue.entityTwice'],
    ]);
  });
});

describe('row validation', () => {
  it('checks a national id with the people feature’s rules and its type', () => {
    const issues: RawIssue[] = [];
    const rows = validateRows(
      'people',
      [
        { file: 'people.csv', row: 2, values: { id: 'A', givenName: 'Kari', familyName: 'N', idType: 'fnr', nationalId: syntheticNationalId('1990-01-01', 1) } },
        { file: 'people.csv', row: 3, values: { id: 'B', givenName: 'Ola', familyName: 'N', idType: 'dnr', nationalId: syntheticNationalId('1990-01-01', 2) } },
        { file: 'people.csv', row: 4, values: { id: 'C', givenName: '', familyName: 'N', idType: 'other' } },
      ],
      issues,
    );
    expect(rows.map((r) => r.data.id)).toEqual(['A']);
    expect(issues.map((i) => [i.row, i.column, i.zodIssue?.message])).toEqual([
      [3, 'nationalId', 'validation.nationalId.typeMismatch'],
      // Rules between fields of a row (an "other" id needs its description) run once the fields are valid.
      [4, 'givenName', 'validation.required'],
    ]);
  });

  it('accepts both date forms and refuses impossible dates', () => {
    expect(normaliseDate('5.6.1990')).toBe('1990-06-05');
    expect(normaliseDate('1990-06-05')).toBe('1990-06-05');
    const issues: RawIssue[] = [];
    validateRows('stays', [{ file: 's', row: 2, values: { id: 'S', personId: 'P', roomId: 'R', startOn: '31.02.2015', plannedEndOn: '2015-05-01' } }], issues);
    expect(issues.map((i) => [i.column, i.zodIssue?.message])).toEqual([['startOn', 'validation.invalidDate']]);
  });
});

describe('stay conflicts', () => {
  const stay = (key: string, roomId: string, person: string, startOn: string, endOn: string | null, isNew = true) => ({ key, roomId, personIds: [person], startOn, endOn, isNew });

  it('treats a stay as [check-in, check-out): moving out and in on the same day is no overlap', () => {
    expect(periodsOverlap({ startOn: '2015-01-01', endOn: '2015-02-01' }, { startOn: '2015-02-01', endOn: null })).toBe(false);
    expect(periodsOverlap({ startOn: '2015-01-01', endOn: '2015-02-02' }, { startOn: '2015-02-01', endOn: null })).toBe(true);
    expect(periodsOverlap({ startOn: '2015-01-01', endOn: null }, { startOn: '2016-02-01', endOn: '2016-03-01' })).toBe(true);
  });

  it('finds the same room and the same person, and leaves two registered stays alone', () => {
    const found = findStayConflicts([
      stay('a', 'R1', 'P1', '2015-01-01', '2015-02-01'),
      stay('b', 'R1', 'P2', '2015-01-15', '2015-03-01'),
      stay('c', 'R2', 'P1', '2015-01-20', null),
      stay('d', 'R3', 'P3', '2015-01-01', null, false),
      stay('e', 'R3', 'P4', '2015-06-01', null, false),
    ]);
    expect(found.map((c) => [c.a.key, c.b.key, c.kind])).toEqual([
      ['a', 'b', 'room'],
      ['a', 'c', 'person'],
    ]);
  });
});

describe('derived values', () => {
  it('derives the referral status from the decision and stays', () => {
    expect(deriveReferralStatus(undefined, false)).toBe('received');
    expect(deriveReferralStatus({ outcome: 'offer', offerStatus: 'accepted' }, true)).toBe('checked_in');
    expect(deriveReferralStatus({ outcome: 'offer', offerStatus: 'declined' }, false)).toBe('declined');
    expect(deriveReferralStatus({ outcome: 'offer', offerStatus: 'open' }, false)).toBe('offered');
    expect(deriveReferralStatus({ outcome: 'refusal' }, false)).toBe('refused');
  });

  it('pseudonyms are stable for one key and differ between keys and kinds', () => {
    const k1 = Buffer.alloc(32, 1);
    const k2 = Buffer.alloc(32, 2);
    expect(pseudonym(k1, 'person', 'x')).toBe(pseudonym(k1, 'person', 'x'));
    expect(pseudonym(k1, 'person', 'x')).not.toBe(pseudonym(k2, 'person', 'x'));
    expect(pseudonym(k1, 'person', 'x')).not.toBe(pseudonym(k1, 'stay', 'x'));
    expect(pseudonym(k1, 'person', 'x')).toMatch(/^P-[\w-]{12}$/);
  });

  it('counts nights as check-out day minus check-in day, across a leap day', () => {
    expect(nightsBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(nightsBetween('2015-03-28', '2015-03-30')).toBe(2); // over the change to summer time
  });
});
