import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { StatementOutput } from './payments.schema.ts';
import { addDays } from './payments.rules.ts';

// The monthly statement (oppgjør for egenbetaling) in Norwegian, whatever the staff member's UI language.

const day = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
};

/** "9 000 kr", "8 500,50 kr" with no-break spaces, as in the UI. */
export function kroner(ore: number): string {
  const decimals = ore % 100 === 0 ? 0 : 2;
  const text = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(ore / 100);
  return `${text.replace(/\s/g, '\u00a0').replace('−', '-')}\u00a0kr`;
}

const monthNames = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
export const monthName = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const arrangementText: Record<string, string> = {
  full: 'Full pris',
  reduced: 'Redusert',
  none: 'Ingen egenbetaling (sosialhjelp)',
};

const methodText: Record<string, string> = {
  bank_transfer: 'Bankoverføring',
  card: 'Kort',
  cash: 'Kontant',
  nav_direct: 'Direkte fra NAV',
  other: 'Annet',
};

export function statementDocument(s: StatementOutput): TDocumentDefinitions {
  const paidInMonth = s.paymentsInMonth.reduce((a, p) => a + p.amountOre, 0);
  const right = (text: string) => ({ text, alignment: 'right' as const });
  const segmentRows = s.segments.map((seg) => [
    `${day(seg.fromOn)}–${day(addDays(seg.toOn, -1))}`,
    right(String(seg.nights)),
    right(kroner(seg.rateOre)),
    seg.arrangement === 'reduced' ? `Redusert til ${kroner(seg.arrangementAmountOre ?? 0)} per ${seg.arrangementPer === 'night' ? 'natt' : 'måned'}` : arrangementText[seg.arrangement]!,
    right(kroner(seg.grossOre)),
    right(kroner(seg.nightlyOre)),
  ]);
  const summary: [string, string][] = [
    ['Antall netter', String(s.nights)],
    ['Full pris (sats × netter)', kroner(s.grossOre)],
    ['Reduksjon etter betalingsordning', s.reductionOre ? `−${kroner(s.reductionOre)}` : kroner(0)],
    [`Makspris per måned ${s.capApplied ? '(brukt)' : '(ikke nådd)'}`, kroner(s.capOre)],
    ...(s.capApplied ? [['Redusert til makspris', `−${kroner(s.capReductionOre)}`] as [string, string]] : []),
  ];
  const lines = s.lines.map((l) => [l.kind === 'charge' ? 'Beregnet for måneden' : 'Korreksjon (endrede opplysninger)', day(l.createdAt.slice(0, 10)), right(kroner(l.amountOre))]);
  const payments = s.paymentsInMonth.map((p) => [day(p.paidOn), methodText[p.method] ?? p.method, p.reference ?? '', right(kroner(p.amountOre))]);
  const content: Content[] = [
    { text: 'Oppgjør for egenbetaling', style: 'h1' },
    { text: `${s.personName} · ${monthName(s.month)}`, fontSize: 13, margin: [0, 0, 0, 8] },
    ...(s.produced ? [] : [{ text: 'Foreløpig: måneden er ikke gjort opp ennå. Ingenting er krevd.', bold: true, margin: [0, 0, 0, 8] } as Content]),
    {
      text: `Å betale for måneden: ${kroner(s.amountDueOre)}. Innbetalt i måneden: ${kroner(paidInMonth)}. ${s.balanceOre > 0 ? 'Skyldig' : 'Saldo'} ved utgangen av måneden: ${kroner(s.balanceOre)}.`,
      bold: true,
      margin: [0, 0, 0, 8],
    },
    { text: 'Netter og sats', style: 'h2' },
    s.segments.length
      ? {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', 'auto', '*', 'auto', 'auto'],
            body: [['Periode', 'Netter', 'Sats', 'Betalingsordning', 'Full pris', 'Etter ordning'].map((h) => ({ text: h, bold: true })), ...segmentRows],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
        }
      : { text: 'Ingen netter i måneden.' },
    { text: 'Beregning', style: 'h2' },
    { table: { widths: ['*', 'auto'], body: summary.map(([a, b]) => [a, right(b)]) }, layout: 'noBorders' },
    { text: 'Krav for måneden', style: 'h2' },
    lines.length
      ? { table: { widths: ['*', 'auto', 'auto'], body: [...lines, [{ text: 'Å betale for måneden', bold: true }, '', { text: kroner(s.amountDueOre), bold: true, alignment: 'right' }]] }, layout: 'lightHorizontalLines' }
      : { text: 'Ikke gjort opp.' },
    { text: 'Innbetalinger i måneden', style: 'h2' },
    payments.length
      ? { table: { headerRows: 1, widths: ['auto', 'auto', '*', 'auto'], body: [['Dato', 'Måte', 'Referanse', 'Beløp'].map((h) => ({ text: h, bold: true })), ...payments] }, layout: 'lightHorizontalLines' }
      : { text: 'Ingen innbetalinger i måneden.' },
    { text: 'Saldo', style: 'h2' },
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          ['Saldo ved inngangen til måneden', right(kroner(s.balanceBeforeOre))],
          ['Krav for måneden', right(kroner(s.amountDueOre))],
          ['Innbetalt i måneden', right(kroner(paidInMonth))],
          [{ text: s.balanceOre > 0 ? 'Skyldig ved utgangen av måneden' : 'Saldo ved utgangen av måneden', bold: true }, { text: kroner(s.balanceOre), bold: true, alignment: 'right' }],
        ],
      },
      layout: 'noBorders',
    },
    {
      text: 'Egenbetalingen er en sats per natt, høyst makspris per måned, og aldri mer enn det du er vurdert å kunne betale. Har du spørsmål, snakk med personalet. Restanse fører ikke i seg selv til at oppholdet avsluttes.',
      margin: [0, 16, 0, 0],
      fontSize: 9,
    },
  ];
  return { content, styles: { h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] } } };
}
