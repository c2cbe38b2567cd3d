import type { Db } from '../../platform/db/client.ts';
import type { AgreementTemplateContent } from './agreements.schema.ts';
import { agreementTemplates } from './agreements.tables.ts';

/**
 * The starting point of the agreement template, in the spirit of the Bodø service's agreement (its
 * own text was not published). The service lead edits it; the amounts are written as text here
 * because the rates become dated settings later (payments feature), and the lead keeps the wording.
 */
export const defaultTemplateContent: AgreementTemplateContent = {
  introduction:
    'Dette er ikke en husleiekontrakt. Du får et midlertidig botilbud etter lov om sosiale tjenester i NAV § 27, ikke et leieforhold. ' +
    'Oppholdet er midlertidig og varer i høyst tre måneder. I denne tiden hjelper vi deg med å finne en varig bolig. ' +
    'Avtalen beskriver målene for oppholdet, hvordan vi følger deg opp, hvilke tjenester vi tar kontakt med, samtykke til å dele opplysninger, egenbetaling og husordensreglene.',
  goals: [
    'Finne en varig bolig før oppholdet slutter (privat leie, kommunal bolig eller annet).',
    'Få oversikt over økonomien: inntekter, faste utgifter og eventuell gjeld.',
    'Ha kontakt med de tjenestene du trenger, for eksempel helse, rus eller arbeid.',
  ],
  followUpPlan: [
    { what: 'Oppfølgingssamtale om mål, boligsøk og hverdagen i huset', who: 'Kontaktpersonen din i Bolig Nu, sammen med deg', frequency: 'Minst én gang i uken' },
    { what: 'Boligsøk: annonser (Finn.no, lokalavisen, Facebook-grupper), søknader og visninger', who: 'Du, med hjelp fra personalet', frequency: 'Hver hverdag' },
    { what: 'Søknad om kommunal bolig, bostøtte, depositumsgaranti og startstønad', who: 'Du og kontaktpersonen', frequency: 'I løpet av de to første ukene' },
    { what: 'Samarbeidsmøte med NAV og andre tjenester', who: 'Kontaktpersonen kaller inn', frequency: 'Ved behov, og minst én gang før oppholdet slutter' },
  ],
  services: [
    { name: 'NAV', purpose: 'Økonomisk stønad, arbeid og aktivitet, depositumsgaranti og startstønad' },
    { name: 'Boligkontoret', purpose: 'Søknad om kommunal bolig, startlån og bostøtte' },
    { name: 'Helse- og omsorgstjenesten', purpose: 'Fastlege, hjemmetjenester og annen helsehjelp ved behov' },
    { name: 'Psykisk helse- og rustjenesten', purpose: 'Oppfølging av psykisk helse og rusmiddelbruk ved behov' },
  ],
  consents: [
    { party: 'NAV', purpose: 'Dele opplysninger som trengs for økonomisk stønad og boligsøk' },
    { party: 'Boligkontoret', purpose: 'Dele opplysninger som trengs for søknad om kommunal bolig og bostøtte' },
    { party: 'Helse- og omsorgstjenesten og psykisk helse- og rustjenesten', purpose: 'Samarbeide om den oppfølgingen du ønsker' },
  ],
  paymentTerms:
    'Du betaler egenbetaling for oppholdet: 300 kr per døgn, men aldri mer enn 9 000 kr per kalendermåned. ' +
    'Du skal aldri betale mer enn du har råd til; egenbetalingen kan settes ned etter en vurdering av økonomien din. ' +
    'Har du økonomisk sosialhjelp som inntekt, betaler du ingenting. Personalet hjelper deg med å sette opp en betalingsordning.',
  houseRulesText:
    'Du har fått og gått gjennom husordensreglene ved innflytting, og de gjelder under hele oppholdet. ' +
    'Brudd på reglene kan føre til at oppholdet avsluttes. Reglene står i sin helhet bakerst i avtalen.',
};

/** The demo tenant's agreement template, version 1. */
export async function seedAgreementTemplate(tx: Db, tenantId: string, now: Date): Promise<void> {
  await tx.insert(agreementTemplates).values({ tenantId, version: 1, content: defaultTemplateContent, createdAt: now });
}
