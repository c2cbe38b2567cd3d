import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { addDays, osloDate } from './allocation.rules.ts';

// The decision letter (vedtaksbrev) in Norwegian bokmål: it is the municipality's enkeltvedtak to
// the person, whatever language the staff member uses the app in.
//
// The legal texts, checked against the acts:
// - Lov om sosiale tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven) § 27: the
//   municipality's duty to find temporary accommodation (midlertidig botilbud) for those who cannot
//   find it themselves. Paying for it is a separate matter: økonomisk stønad under § 18.
// - Forvaltningsloven § 24–25: an enkeltvedtak gives its reasons; § 27: the letter tells about the
//   right to complain, the deadline, where to complain and the right to see the documents.
// - Forvaltningsloven § 28 (right to complain) and § 29 (three weeks from the day the letter reached
//   the person); §§ 32–33: the complaint goes to the office that decided, which re-assesses it and
//   may change the decision; if not, it sends the complaint on to the appeal body, Statsforvalteren.
// - Forvaltningsloven § 18 (a party's right to see the documents of the case; exceptions in § 19).

export interface LetterData {
  decisionId: string;
  municipality: string;
  serviceName: string;
  navOffice: string | null;
  person: { name: string; birthDateOn: string | null };
  decidedAt: Date;
  decidedByName: string | null;
  outcome: 'offer' | 'waiting_list' | 'refusal';
  reasons: string;
  exceptionJustification: string | null;
  place: { houseName: string; address: string; roomName: string; fromOn: string; plannedEndOn: string; expiresAt: Date | null } | null;
  waitingList: { urgency: 'tonight' | 'this_week' | 'later' } | null;
}

const day = (iso: string | null | undefined) => {
  if (!iso) return 'ikke registrert';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
};

const time = (at: Date) => at.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** An answer deadline in words: "utgangen av 30.11.2026" when it falls at midnight, else date and time. */
const deadline = (at: Date) =>
  time(at) === '00:00' ? `utgangen av ${day(addDays(osloDate(at), -1))}` : `${day(osloDate(at))} kl. ${time(at)}`;

const heading = (text: string): Content => ({ text, style: 'h2' });

const titles: Record<LetterData['outcome'], string> = {
  offer: 'Vedtak om midlertidig botilbud',
  waiting_list: 'Vedtak om plass på venteliste for midlertidig botilbud',
  refusal: 'Vedtak om avslag på plass i midlertidig botilbud',
};

const urgencyText: Record<'tonight' | 'this_week' | 'later', string> = {
  tonight: 'har ikke et sted å sove i natt',
  this_week: 'trenger plass i løpet av uken',
  later: 'trenger plass senere',
};

/** A short, non-personal reference for the letter and its file name. */
export const shortId = (id: string) => id.slice(0, 8);

export function decisionLetterFilename(decisionId: string): string {
  return `vedtak-${shortId(decisionId)}.pdf`;
}

export function decisionLetterTitle(outcome: LetterData['outcome']): string {
  return titles[outcome];
}

export function decisionLetterDocument(data: LetterData): TDocumentDefinitions {
  const decidedOn = osloDate(data.decidedAt);
  const office = data.navOffice ? `NAV ${data.navOffice.replace(/^NAV\s+/i, '')}` : 'NAV-kontoret';
  const decision: Content[] = [];
  if (data.outcome === 'offer' && data.place) {
    const p = data.place;
    decision.push(
      { text: `Du får tilbud om midlertidig botilbud i ${data.serviceName}.`, margin: [0, 0, 0, 6] },
      {
        table: {
          widths: ['auto', '*'],
          body: [
            ['Hus', p.houseName],
            ['Adresse', p.address],
            ['Hybel', p.roomName],
            ['Periode', `${day(p.fromOn)}–${day(p.plannedEndOn)}`],
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      },
      {
        text:
          'Perioden er på høyst tre måneder. Oppholdet er midlertidig, og vi vil sammen med deg arbeide for at du skal få en varig bolig i løpet av perioden.',
      },
    );
    if (p.expiresAt) {
      decision.push({
        text: `Gi oss beskjed om du tar imot tilbudet innen ${deadline(p.expiresAt)}. Etter dette faller tilbudet bort.`,
        margin: [0, 6, 0, 0],
      });
    }
  } else if (data.outcome === 'waiting_list') {
    decision.push({
      text: `Du er satt på venteliste for plass i ${data.serviceName}${data.waitingList ? `. Vi har registrert at du ${urgencyText[data.waitingList.urgency]}` : ''}. Rekkefølgen på ventelisten bestemmes av hvor mye det haster og hvor lenge du har ventet. Vi kontakter deg når det blir en ledig plass.`,
    });
  } else {
    decision.push({ text: `Du får ikke plass i ${data.serviceName}.` });
  }
  if (data.outcome !== 'offer') {
    // § 27 is a duty to find a place for anyone with nowhere to stay the next 24 hours: a waiting
    // list or a refusal for this house does not end that duty.
    decision.push({
      text: `Har du ikke et sted å sove og oppholde deg det neste døgnet, må du ta kontakt med ${office} samme dag. NAV skal da hjelpe deg med å finne et annet midlertidig botilbud.`,
      margin: [0, 6, 0, 0],
    });
  }

  const content: Content[] = [
    { text: `${data.municipality}`, bold: true },
    { text: `${data.serviceName} – midlertidig botilbud`, margin: [0, 0, 0, 12] },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          ['Til', data.person.name],
          ['Fødselsdato', day(data.person.birthDateOn)],
          ['Vedtaksdato', day(decidedOn)],
          ['Vår referanse', shortId(data.decisionId)],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 12],
    },
    { text: titles[data.outcome], style: 'h1' },

    heading('Vedtak'),
    ...decision,

    heading('Begrunnelse'),
    { text: data.reasons },
    ...(data.exceptionJustification
      ? [
          { text: 'Særskilt begrunnelse for unntak', bold: true, margin: [0, 8, 0, 2] } as Content,
          {
            text: `Midlertidig botilbud skal bare unntaksvis brukes for barnefamilier, unge og personer som nylig er løslatt fra fengsel eller utskrevet fra institusjon. Vi har vurdert dette særskilt: ${data.exceptionJustification}`,
          } as Content,
        ]
      : []),

    heading('Hjemmel'),
    {
      text: 'Vedtaket er gjort etter lov om sosiale tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven) § 27 om midlertidig botilbud. Kommunen skal finne midlertidig botilbud for dem som ikke klarer det selv.',
    },

    heading('Betaling'),
    {
      text: 'Betaling for oppholdet (egenbetaling) er en egen sak og avgjøres ikke i dette vedtaket. Har du ikke penger til å betale selv, kan du søke NAV om økonomisk stønad etter sosialtjenesteloven § 18. En slik søknad får et eget vedtak.',
    },

    heading('Ikke et leieforhold'),
    {
      text: 'Et midlertidig botilbud er ikke et leieforhold, og du får ikke en husleiekontrakt. Ved innflytting inngår vi en individuell bo- og oppfølgingsavtale med deg, og du får husordensreglene.',
    },

    heading('Du har rett til å klage'),
    {
      text: `Du kan klage på vedtaket. Fristen for å klage er tre uker fra den dagen du mottok dette brevet (forvaltningsloven §§ 28 og 29). Det er nok at klagen er sendt innen fristen.`,
    },
    {
      text: `Send klagen til ${office}. Skriv hvilket vedtak du klager på (vår referanse ${shortId(data.decisionId)}), hva du ønsker endret og hvorfor. Du kan få hjelp til å skrive klagen.`,
      margin: [0, 6, 0, 0],
    },
    {
      text: 'NAV-kontoret vurderer saken på nytt. Hvis NAV-kontoret ikke endrer vedtaket, sender det klagen videre til Statsforvalteren, som avgjør klagesaken (forvaltningsloven §§ 32 og 33).',
      margin: [0, 6, 0, 0],
    },

    heading('Du har rett til å se dokumentene i saken'),
    {
      text: 'Du har rett til å se dokumentene i saken din, med de unntakene som følger av loven (forvaltningsloven §§ 18 og 19). Ta kontakt med oss hvis du ønsker det.',
    },

    {
      stack: [
        { text: 'Med vennlig hilsen', margin: [0, 20, 0, 4] },
        { text: data.decidedByName ?? '', bold: true },
        { text: `${data.serviceName}, ${data.municipality}` },
      ],
      unbreakable: true,
    },
  ];

  return {
    content,
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      text: `${titles[data.outcome]} – ref. ${shortId(data.decisionId)} – side ${page} av ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
  };
}
