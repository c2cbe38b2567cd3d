import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AgreementOutput, HouseRulesVersionOutput } from './agreements.schema.ts';
import type { StayForAgreementRow } from './agreements.queries.ts';
import { osloDay } from './agreements.rules.ts';

// The agreement as a document for signature, in Norwegian (it is signed by a Norwegian service; the
// UI language of the staff member does not change it).

const day = (iso: string | null | undefined) => {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
};

const heading = (text: string): Content => ({ text, style: 'h2' });

function signatureBlock(role: string, name: string): Content {
  return {
    stack: [
      { text: role, bold: true },
      { text: name, margin: [0, 0, 0, 18] },
      { text: 'Sted og dato: ______________________________', margin: [0, 0, 0, 22] },
      { text: 'Underskrift: _______________________________' },
    ],
    unbreakable: true,
  };
}

export function agreementDocument(agreement: AgreementOutput, stay: StayForAgreementRow, houseRules: HouseRulesVersionOutput | null): TDocumentDefinitions {
  const c = agreement.content;
  const resident = `${stay.givenName} ${stay.familyName}`;
  const partner = stay.partnerGivenName ? `${stay.partnerGivenName} ${stay.partnerFamilyName ?? ''}`.trim() : null;
  const service = `${stay.houseName}, ${stay.houseStreetAddress}, ${stay.housePostalCode} ${stay.houseCity}`;

  const content: Content[] = [
    { text: 'Individuell bo- og oppfølgingsavtale', style: 'h1' },
    { text: 'Dette er ikke en husleiekontrakt.', bold: true, fontSize: 13, margin: [0, 0, 0, 4] },
    {
      text: `Oppholdet er midlertidig og varer i høyst tre måneder. Versjon ${agreement.version}, laget ${day(osloDay(new Date(agreement.createdAt)))}.`,
      margin: [0, 0, 0, 8],
    },

    heading('Partene'),
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Beboer', `${resident}, født ${day(stay.birthDateOn)}`],
          ...(partner ? [['Beboer (partner)', `${partner}, født ${day(stay.partnerBirthDateOn)}`]] : []),
          ['Tjenesten', `${service}`],
          ['Kommune', stay.municipality],
        ],
      },
      layout: 'noBorders',
    },

    heading('Hybel og periode'),
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Hybel', stay.roomName],
          ['Periode', `${day(agreement.fromOn)}–${day(agreement.toOn)}`],
        ],
      },
      layout: 'noBorders',
    },

    heading('Om avtalen'),
    { text: c.introduction },

    heading('Mål for oppholdet'),
    c.goals.length ? { ol: c.goals } : { text: 'Ingen mål er skrevet inn.' },

    heading('Oppfølgingsplan'),
    c.followUpPlan.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', '*', 'auto'],
            body: [
              [
                { text: 'Hva', bold: true },
                { text: 'Hvem', bold: true },
                { text: 'Hvor ofte', bold: true },
              ],
              ...c.followUpPlan.map((f) => [f.what, f.who, f.frequency]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Ingen oppfølging er skrevet inn.' },

    heading('Tjenester vi tar kontakt med'),
    c.services.length ? { ul: c.services.map((s) => ({ text: [{ text: `${s.name}: `, bold: true }, s.purpose] })) } : { text: 'Ingen.' },

    heading('Samtykke til å dele opplysninger'),
    {
      text: 'Jeg samtykker i at Bolig Nu kan dele opplysninger om meg med disse, til formålet som står, og til og med datoen som står. Jeg kan trekke samtykket tilbake når som helst.',
      margin: [0, 0, 0, 4],
    },
    c.consents.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', '*', 'auto'],
            body: [
              [
                { text: 'Med hvem', bold: true },
                { text: 'Til hva', bold: true },
                { text: 'Til og med', bold: true },
              ],
              ...c.consents.map((s) => [s.party, s.purpose, day(s.untilOn)]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Ingen samtykker er gitt.' },

    heading('Egenbetaling'),
    { text: c.paymentTerms },

    heading('Husordensregler'),
    { text: c.houseRulesText, margin: [0, 0, 0, 6] },
    ...(houseRules
      ? [
          { text: `Husordensregler, versjon ${houseRules.version} (publisert ${day(osloDay(new Date(houseRules.publishedAt)))})`, bold: true, margin: [0, 0, 0, 4] } as Content,
          { ol: houseRules.rules } as Content,
        ]
      : [{ text: 'Ingen husordensregler er knyttet til avtalen.' } as Content]),

    heading('Underskrifter'),
    {
      text: 'Vi har gått gjennom avtalen sammen. Beboeren har fått en kopi.',
      margin: [0, 0, 0, 12],
    },
    {
      columns: [signatureBlock('Beboer', resident), signatureBlock('For tjenesten', `${stay.houseName}, ${stay.municipality}`)],
      columnGap: 24,
    },
    ...(partner ? [{ columns: [signatureBlock('Beboer (partner)', partner), { text: '' }], columnGap: 24, margin: [0, 24, 0, 0] } as Content] : []),
  ];

  return {
    content,
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
    },
    footer: (page, pages) => ({ text: `Bo- og oppfølgingsavtale, versjon ${agreement.version} · side ${page} av ${pages}`, alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] }),
  };
}
