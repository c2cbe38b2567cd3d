// The agreements feature's texts (the agreement, its template, the house rules): bokmål first, English second.
export const agreementsMessagesNb = {
  'nav.houseRules': 'Husordensregler',
  'nav.agreementTemplate': 'Avtalemal',

  'agreements.validation.rulesMin': 'Skriv minst én regel.',
  'agreements.validation.rulesMax': 'Høyst 40 regler.',
  'agreements.validation.goalsMin': 'Skriv minst ett mål.',
  'agreements.validation.tooMany': 'Høyst 20 linjer.',

  'action.agreement.read': 'Bo- og oppfølgingsavtale lest',
  'action.agreement.print': 'Bo- og oppfølgingsavtale skrevet ut (PDF)',
  'action.agreement.create': 'Bo- og oppfølgingsavtale laget',
  'action.agreement.update': 'Bo- og oppfølgingsavtale endret (ny versjon)',
  'action.agreement.sign': 'Signert dato registrert',
  'action.house_rules.accept': 'Husordensregler godtatt',
};

export const agreementsMessagesEn: Record<keyof typeof agreementsMessagesNb, string> = {
  'nav.houseRules': 'House rules',
  'nav.agreementTemplate': 'Agreement template',

  'agreements.validation.rulesMin': 'Write at least one rule.',
  'agreements.validation.rulesMax': 'At most 40 rules.',
  'agreements.validation.goalsMin': 'Write at least one goal.',
  'agreements.validation.tooMany': 'At most 20 lines.',

  'action.agreement.read': 'Housing and follow-up agreement read',
  'action.agreement.print': 'Housing and follow-up agreement printed (PDF)',
  'action.agreement.create': 'Housing and follow-up agreement made',
  'action.agreement.update': 'Housing and follow-up agreement changed (new version)',
  'action.agreement.sign': 'Signed date recorded',
  'action.house_rules.accept': 'House rules accepted',
};
