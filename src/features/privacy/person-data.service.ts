import { getTableName } from 'drizzle-orm';
import type { Content } from 'pdfmake/interfaces.js';
import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { hasPermission, requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess, recordEvent } from '../../platform/audit/audit.service.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { privacyError } from './privacy.errors.ts';
import { isoDay } from './privacy.rules.ts';
import { privacySettingOn } from './privacy.settings.ts';
import { personDataSections } from './person-data.sections.ts';
import * as q from './privacy.queries.ts';

// The person's rights of access (GDPR art. 15): the log of who accessed their record, when and why,
// and everything stored about them. Both are reads of the record (purpose access_request), so a
// closed record must be opened first ("break the glass": the reason is "innsynsbegjæring").

const day = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');
const osloDateTime = (d: Date) =>
  `${d.toLocaleDateString('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' })} kl. ${d.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' })}`;

async function requirePerson(ctx: Ctx, personId: string) {
  const person = await q.findPersonName(ctx.db, ctx.user!.tenantId, personId);
  if (!person) throw privacyError('privacy.person_not_found');
  return person;
}

export interface AccessLogLine {
  at: string;
  what: string;
  purpose: string;
  who: string;
}

/** The person's access log for printing: names of staff only where the setting says so, else their role. */
export async function personAccessLog(ctx: Ctx, personId: string): Promise<{ name: string; showsNames: boolean; lines: AccessLogLine[] }> {
  const user = requirePermission(ctx, 'person:read');
  return inTransaction(ctx, async (tx) => {
    const person = await requirePerson(tx, personId);
    await recordAccess(tx, personId, 'access_request', 'person.access_log_print');
    const showsNames = await privacySettingOn(tx.db, user.tenantId, 'privacy.access_log_shows_names', isoDay(tx.now));
    const events = await q.listPersonAccessEvents(tx.db, user.tenantId, personId);
    const label = (key: string) => translate('nb', key);
    return {
      name: `${person.givenName} ${person.familyName}`,
      showsNames,
      lines: events.map((e) => ({
        at: e.at.toISOString(),
        what: label(`action.${e.action}`),
        purpose: e.purpose ? label(`purpose.${e.purpose}`) : '–',
        who: (showsNames ? e.actorName : e.actorRoles) ?? 'System',
      })),
    };
  });
}

export async function personAccessLogPdf(ctx: Ctx, personId: string): Promise<{ pdf: Buffer; filename: string }> {
  const log = await personAccessLog(ctx, personId);
  const content: Content[] = [
    { text: 'Tilgangslogg', style: 'h1' },
    { text: `For ${log.name}. Utskrift ${osloDateTime(ctx.now)}.`, margin: [0, 0, 0, 6] },
    {
      text: `Her står når opplysningene om deg er lest eller endret, og hvorfor. ${log.showsNames ? 'Navnet på den ansatte står i siste kolonne.' : 'Siste kolonne viser rollen til den som gjorde det.'} Du har rett til innsyn etter personvernforordningen artikkel 15.`,
      margin: [0, 0, 0, 10],
    },
    log.lines.length === 0
      ? { text: 'Ingen tilganger er logget.' }
      : {
          table: {
            headerRows: 1,
            widths: ['auto', '*', 'auto', 'auto'],
            body: [
              [{ text: 'Tidspunkt', bold: true }, { text: 'Hva', bold: true }, { text: 'Formål', bold: true }, { text: log.showsNames ? 'Hvem' : 'Rolle', bold: true }],
              ...log.lines.map((l) => [osloDateTime(new Date(l.at)), l.what, l.purpose, l.who]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
        },
  ];
  const pdf = await renderPdf({ content, styles: { h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] } } }, { title: `Tilgangslogg ${log.name}` });
  return { pdf, filename: `tilgangslogg-${personId.slice(0, 8)}.pdf` };
}

export interface PersonDataExport {
  personId: string;
  generatedAt: string;
  sections: { key: string; title: string; tables: { table: string; rows: Record<string, unknown>[]; withheld: number }[] }[];
}

const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** Everything stored about the person, section by section (GDPR art. 15). Sensitive entries need their permission. */
export async function exportPersonData(ctx: Ctx, personId: string): Promise<PersonDataExport> {
  const user = requirePermission(ctx, 'privacy:export');
  return inTransaction(ctx, async (tx) => {
    await requirePerson(tx, personId);
    await recordAccess(tx, personId, 'access_request', 'person.export');
    const sections: PersonDataExport['sections'] = [];
    for (const section of personDataSections) {
      const tables = [];
      for (const part of section.tables) {
        const may = part.restricted ? hasPermission(user, part.restricted.permission) : true;
        const { rows, withheld } = await q.selectPersonRows(tx.db, part, personId, may);
        tables.push({ table: getTableName(part.table), rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))), withheld });
      }
      sections.push({ key: section.key, title: section.title[tx.locale], tables });
    }
    await recordEvent(tx, { action: 'person.export', entityType: 'person', entityId: personId, personId, purpose: 'access_request', details: { sections: sections.length } });
    return { personId, generatedAt: tx.now.toISOString(), sections };
  });
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? day(v) : v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

export async function exportPersonDataPdf(ctx: Ctx, personId: string): Promise<{ pdf: Buffer; filename: string }> {
  const data = await exportPersonData(ctx, personId);
  const person = data.sections[0]!.tables[0]!.rows[0] ?? {};
  const content: Content[] = [
    { text: 'Innsyn: alt som er lagret om deg', style: 'h1' },
    { text: `${cell(person.givenName)} ${cell(person.familyName)}. Utskrift ${osloDateTime(ctx.now)}. Personvernforordningen artikkel 15.`, margin: [0, 0, 0, 10] },
  ];
  for (const section of data.sections) {
    content.push({ text: section.title, style: 'h2' });
    for (const t of section.tables) {
      if (t.rows.length === 0 && t.withheld === 0) continue;
      content.push({ text: `${t.table} (${t.rows.length})`, bold: true, margin: [0, 4, 0, 2] });
      for (const row of t.rows) {
        content.push({
          table: { widths: [140, '*'], body: Object.entries(row).map(([k, v]) => [{ text: k, color: '#444' }, cell(v)]) },
          layout: 'lightHorizontalLines',
          fontSize: 8,
          margin: [0, 0, 0, 6],
        });
      }
      if (t.withheld) content.push({ text: `${t.withheld} sensitive oppføringer er holdt tilbake i denne utskriften; leder kan skrive dem ut.`, italics: true });
    }
  }
  const pdf = await renderPdf(
    { content, styles: { h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] } } },
    { title: 'Innsyn etter personvernforordningen art. 15' },
  );
  return { pdf, filename: `innsyn-${personId.slice(0, 8)}.pdf` };
}
