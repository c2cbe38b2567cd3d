// The name and the one-line definition of every figure and section, shown in the report on screen,
// in the PDF and in the XLSX (nb first, en second). A figure's definition is what the SQL computes.

export interface Text {
  nb: string;
  en: string;
}

export const sectionTitles = {
  occupancy: { nb: 'Belegg og beboere', en: 'Occupancy and residents' },
  referrals: { nb: 'Henvisninger og tildeling', en: 'Referrals and allocation' },
  lengthOfStay: { nb: 'Botid for dem som flyttet ut', en: 'Length of stay of those who moved out' },
  destinations: { nb: 'Hvor de flyttet', en: 'Where they moved' },
  aftercare: { nb: 'Oppfølging etter utflytting', en: 'Aftercare' },
} satisfies Record<string, Text>;

const d = (nbLabel: string, enLabel: string, nbDef: string, enDef: string) => ({ label: { nb: nbLabel, en: enLabel }, definition: { nb: nbDef, en: enDef } });

export const figureTexts = {
  occupancyRate: d(
    'Belegg',
    'Occupancy',
    'Belagte rom-netter delt på tilgjengelige rom-netter (rom ute av drift er trukket fra), i prosent.',
    'Occupied room-nights divided by available room-nights (rooms out of service removed), as a percentage.',
  ),
  occupiedNights: d('Belagte rom-netter', 'Occupied room-nights', 'Netter et rom var bebodd; en natt hører til datoen den begynner.', 'Nights a room was lived in; a night belongs to the date it starts.'),
  availableNights: d(
    'Tilgjengelige rom-netter',
    'Available room-nights',
    'Rom × netter i måneden, minus netter rommet var ute av drift.',
    'Rooms × nights in the month, minus nights the room was out of service.',
  ),
  outOfServiceNights: d('Rom-netter ute av drift', 'Room-nights out of service', 'Netter et rom var ute av drift (fra-dato til og med til-dato).', 'Nights a room was out of service (from date through to date).'),
  residentsAtStart: d('Beboere ved månedens start', 'Residents at the start', 'Personer (søker og eventuell partner) som bodde i huset natten før den 1.', 'Persons (applicant and any partner) staying the night before the 1st.'),
  residentsAtEnd: d('Beboere ved månedens slutt', 'Residents at the end', 'Personer som bodde i huset siste natt i måneden.', 'Persons staying the last night of the month.'),
  checkIns: d('Innflyttinger', 'Check-ins', 'Opphold som begynte i måneden (et rombytte er ikke en innflytting).', 'Stays that began in the month (a room move is not a check-in).'),
  checkOuts: d('Utflyttinger', 'Check-outs', 'Opphold som sluttet i måneden (et rombytte er ikke en utflytting).', 'Stays that ended in the month (a room move is not a check-out).'),
  received: d('Henvisninger mottatt', 'Referrals received', 'Henvisninger fra NAV mottatt i måneden.', 'Referrals from NAV received in the month.'),
  screenedOut: d('Utenfor målgruppen', 'Screened out', 'Henvisninger der kartleggingen i måneden ga «utelukket».', 'Referrals whose screening in the month came out "excluded".'),
  offered: d('Tilbud om plass', 'Offered a place', 'Vedtak om tilbud om plass fattet i måneden.', 'Decisions offering a place made in the month.'),
  accepted: d('Tilbud takket ja til', 'Offers accepted', 'Tilbud som ble takket ja til i måneden.', 'Offers accepted in the month.'),
  declined: d('Tilbud takket nei til', 'Offers declined', 'Tilbud som ble takket nei til i måneden.', 'Offers declined in the month.'),
  refused: d('Avslag', 'Refused', 'Vedtak om avslag fattet i måneden.', 'Decisions refusing a place made in the month.'),
  waitingAtEnd: d('På venteliste ved månedens slutt', 'Waiting at the end', 'Henvisninger på ventelisten ved utgangen av måneden.', 'Referrals on the waiting list at the end of the month.'),
  movedOut: d('Flyttet ut', 'Moved out', 'Beboere hvis opphold sluttet i måneden (husstander).', 'Residents whose stay ended in the month (households).'),
  averageNights: d('Gjennomsnittlig botid (netter)', 'Average stay (nights)', 'Snitt av netter fra første innflytting til utflytting, for dem som flyttet ut.', 'Mean nights from first check-in to check-out, for those who moved out.'),
  medianNights: d('Median botid (netter)', 'Median stay (nights)', 'Midterste botid i netter for dem som flyttet ut.', 'The middle length of stay in nights for those who moved out.'),
  upTo7: d('Til og med 7 netter', 'Up to 7 nights', 'Utflyttede med 0–7 netter.', 'Moved out after 0–7 nights.'),
  from8To14: d('8–14 netter', '8–14 nights', 'Utflyttede med 8–14 netter.', 'Moved out after 8–14 nights.'),
  from15To21: d('15–21 netter', '15–21 nights', 'Utflyttede med 15–21 netter.', 'Moved out after 15–21 nights.'),
  from22To30: d('22–30 netter', '22–30 nights', 'Utflyttede med 22–30 netter.', 'Moved out after 22–30 nights.'),
  from31To60: d('31–60 netter', '31–60 nights', 'Utflyttede med 31–60 netter.', 'Moved out after 31–60 nights.'),
  from61To90: d('61–90 netter', '61–90 nights', 'Utflyttede med 61–90 netter.', 'Moved out after 61–90 nights.'),
  over90: d('Over 90 netter', 'Over 90 nights', 'Utflyttede med mer enn 90 netter.', 'Moved out after more than 90 nights.'),
  pastThreeMonths: d(
    'Opphold over tre måneder nå',
    'Stays now past three months',
    'Beboere som siste natt i måneden hadde bodd lenger enn tre måneder (samme dato tre måneder etter innflytting).',
    'Residents who on the last night of the month had stayed beyond three months (the same date three months after check-in).',
  ),
  permanent: d('Til varig bolig', 'To a permanent home', 'Leid privat, kommunal bolig, eid bolig eller varig hos familie.', 'Private rental, municipal housing, owned home or permanently with family.'),
  temporary: d('Til midlertidig sted', 'To temporary accommodation', 'Midlertidig hos familie/venner eller annet midlertidig botilbud.', 'Temporarily with family/friends or other temporary accommodation.'),
  institution: d('Til institusjon eller fengsel', 'To an institution or prison', 'Institusjon, behandling eller fengsel.', 'Institution, treatment or prison.'),
  homeless: d('Bostedsløs', 'Homeless', 'Flyttet ut uten et sted å bo.', 'Moved out with nowhere to live.'),
  other: d('Annet eller ukjent', 'Other or unknown', 'Annet, ukjent, død, eller utflytting uten registrert destinasjon.', 'Other, unknown, died, or a move-out with no destination recorded.'),
  permanentShare: d('Andel til varig bolig', 'Share to a permanent home', 'Utflyttede til varig bolig delt på alle utflyttede, i prosent.', 'Moved to a permanent home divided by all who moved out, as a percentage.'),
  followUpsDone: d('Oppfølginger gjennomført', 'Follow-ups done', 'Oppfølginger etter utflytting (1, 3 og 6 mnd.) registrert som gjort i måneden.', 'Aftercare follow-ups (1, 3 and 6 months) recorded as done in the month.'),
  stillHoused: d('Har fortsatt bolig', 'Still housed', 'Av oppfølgingene i måneden: personen hadde fortsatt bolig.', 'Of the follow-ups in the month: the person was still housed.'),
} satisfies Record<string, { label: Text; definition: Text }>;

export type FigureKey = keyof typeof figureTexts;

export const kostraTexts = {
  households: d(
    'Husstander i midlertidig botilbud',
    'Households in temporary accommodation',
    'Husstander (søkeren på oppholdet) med minst ett opphold i året; telles én gang uansett antall opphold.',
    'Households (the stay’s applicant) with at least one stay in the year; counted once however many stays.',
  ),
  householdsWithChildren: d(
    'Husstander med barn',
    'Households with children',
    'Husstander med registrert barn under 18 år ved første natt i året.',
    'Households with a recorded child under 18 on their first night in the year.',
  ),
  shareWithChildrenOverThreeMonths: d(
    'Andel husstander med barn over 3 måneder',
    'Share of households with children over 3 months',
    'Husstander med barn som bodde mer enn tre måneder i året, delt på husstander med barn, i prosent.',
    'Households with children who stayed more than three months in the year, divided by households with children, as a percentage.',
  ),
  shareUpTo14Days: d(
    'Andel husstander 14 dager eller mindre',
    'Share of households 14 days or less',
    'Husstander med til sammen 14 eller færre netter i året, delt på alle husstander, i prosent.',
    'Households with 14 or fewer nights in all in the year, divided by all households, as a percentage.',
  ),
} satisfies Record<string, { label: Text; definition: Text }>;
