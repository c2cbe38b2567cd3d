// Texts of the own account page: the optional second factor (TOTP) (nb first, en typed by it).

export const accountMessagesNb = {
  'account.link': 'Min konto',
  'account.title': 'Min konto',
  'account.name': 'Navn',
  'account.username': 'Brukernavn',

  'account.totpTitle': 'Tofaktor',
  'account.totpIntro':
    'Med tofaktor logger du inn med passordet og en sekssifret kode fra en autentiseringsapp på telefonen, for eksempel Microsoft Authenticator eller Google Authenticator. Da kommer ingen inn på kontoen din med passordet alene.',
  'account.totpIsOn': 'Tofaktor er på. Når du logger inn, spør vi etter koden fra autentiseringsappen.',
  'account.totpIsOff': 'Tofaktor er av. Du logger inn med passordet alene.',
  'account.totpOidc':
    'Du logger inn med kommunens identitetstjeneste. Den andre faktoren (for eksempel kode på mobil) styres der, ikke i Bolig Nu. Kontakt IT-brukerstøtte i kommunen hvis du vil endre den.',
  'account.totpStart': 'Slå på tofaktor',
  'account.totpSetupTitle': 'Legg Bolig Nu til i autentiseringsappen',
  'account.totpStepScan': 'Åpne autentiseringsappen og skann QR-koden.',
  'account.totpQrLabel': 'QR-kode som legger Bolig Nu til i autentiseringsappen',
  'account.totpStepManual': 'Kan du ikke skanne? Velg å skrive inn nøkkelen i appen. Velg tidsbasert kode hvis appen spør.',
  'account.totpSecret': 'Nøkkel',
  'account.totpKeepSecret': 'Nøkkelen og QR-koden gir tilgang til kodene dine. Ikke del dem med noen, og ikke ta skjermbilde av dem.',
  'account.totpStepConfirm': 'Skriv koden appen viser for Bolig Nu, så vet vi at oppsettet virker.',
  'account.totpConfirm': 'Bekreft og slå på',
  'account.totpEnabled': 'Tofaktor er slått på. Neste gang du logger inn, spør vi etter koden fra appen.',
  'account.totpDisable': 'Slå av tofaktor',
  'account.totpDisableTitle': 'Slå av tofaktor?',
  'account.totpDisableBody':
    'Da kan kontoen din brukes med passordet alene. Skriv koden fra autentiseringsappen for å bekrefte at det er du som slår den av.',
  'account.totpDisabled': 'Tofaktor er slått av. Du kan fjerne Bolig Nu fra autentiseringsappen.',
};

export const accountMessagesEn: Record<keyof typeof accountMessagesNb, string> = {
  'account.link': 'My account',
  'account.title': 'My account',
  'account.name': 'Name',
  'account.username': 'Username',

  'account.totpTitle': 'Two-factor',
  'account.totpIntro':
    'With two-factor you log in with your password and a six-digit code from an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator. Then nobody gets into your account with the password alone.',
  'account.totpIsOn': 'Two-factor is on. When you log in, we ask for the code from your authenticator app.',
  'account.totpIsOff': 'Two-factor is off. You log in with your password alone.',
  'account.totpOidc':
    'You log in with the municipality’s identity service. Your second factor (such as a code on your phone) is managed there, not in Bolig Nu. Contact the municipality’s IT support if you want to change it.',
  'account.totpStart': 'Turn on two-factor',
  'account.totpSetupTitle': 'Add Bolig Nu to your authenticator app',
  'account.totpStepScan': 'Open your authenticator app and scan the QR code.',
  'account.totpQrLabel': 'QR code that adds Bolig Nu to your authenticator app',
  'account.totpStepManual': 'Cannot scan? Choose to enter the key in the app. Choose a time-based code if the app asks.',
  'account.totpSecret': 'Key',
  'account.totpKeepSecret': 'The key and the QR code give access to your codes. Do not share them, and do not take a screenshot of them.',
  'account.totpStepConfirm': 'Enter the code the app shows for Bolig Nu, so we know the setup works.',
  'account.totpConfirm': 'Confirm and turn on',
  'account.totpEnabled': 'Two-factor is on. Next time you log in, we ask for the code from the app.',
  'account.totpDisable': 'Turn off two-factor',
  'account.totpDisableTitle': 'Turn off two-factor?',
  'account.totpDisableBody': 'Your account can then be used with the password alone. Enter the code from your authenticator app to confirm that it is you turning it off.',
  'account.totpDisabled': 'Two-factor is off. You can remove Bolig Nu from your authenticator app.',
};
