import { defineErrors } from '../../platform/http/errors.ts';

export const adminError = defineErrors({
  'user.not_found': { kind: 'not_found', nb: 'Fant ikke brukeren.', en: 'User not found.' },
  'user.username_taken': {
    kind: 'conflict',
    nb: 'Brukernavnet er allerede i bruk. Velg et annet.',
    en: 'The username is already in use. Choose another.',
  },
  'user.oidc_subject_taken': {
    kind: 'conflict',
    nb: 'Denne kontoen hos kommunens identitetstjeneste er allerede knyttet til en annen bruker.',
    en: 'This municipality identity account is already linked to another user.',
  },
  'user.unknown_role': {
    kind: 'validation',
    nb: 'Rollen finnes ikke. Velg blant rollene i listen.',
    en: 'The role does not exist. Choose among the roles listed.',
  },
  'user.last_administrator': {
    kind: 'rule',
    nb: 'Dette er den siste aktive administratoren. Gi en annen bruker administratorrollen først, ellers kan ingen administrere brukerne.',
    en: 'This is the last active administrator. Give another user the administrator role first, or nobody can manage users.',
  },
  'user.cannot_deactivate_self': {
    kind: 'rule',
    nb: 'Du kan ikke deaktivere din egen bruker. Be en annen administrator om å gjøre det.',
    en: 'You cannot deactivate your own user. Ask another administrator to do it.',
  },
  'user.bootstrap_not_allowed': {
    kind: 'rule',
    nb: 'Det finnes allerede en aktiv administrator. Opprett nye brukere på siden Brukere og roller, eller bruk --force for å gjenopprette tilgang.',
    en: 'An active administrator already exists. Create new users on the Users and roles page, or use --force to recover access.',
  },
  'user.bootstrap_needs_admin_role': {
    kind: 'validation',
    nb: 'Kommandolinjen oppretter bare administratorer: minst én av rollene må gi tilgang til brukeradministrasjon.',
    en: 'The command line creates administrators only: at least one of the roles must give access to user administration.',
  },
  'tenant.name_required': {
    kind: 'validation',
    nb: 'Det finnes ingen kommune ennå. Oppgi navnet med --municipality, for eksempel "Bodø kommune".',
    en: 'No municipality exists yet. Give its name with --municipality, for example "Bodø kommune".',
  },
  'tenant.not_found': {
    kind: 'not_found',
    nb: 'Fant ingen kommune med dette navnet. Skriv navnet slik det er registrert.',
    en: 'No municipality has this name. Write the name as it is registered.',
  },
  'tenant.ambiguous': {
    kind: 'validation',
    nb: 'Det finnes flere kommuner. Oppgi hvilken med --municipality.',
    en: 'There are several municipalities. Say which one with --municipality.',
  },
});
