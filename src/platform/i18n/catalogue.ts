import { platformMessagesNb } from './nb.ts';
import { platformMessagesEn } from './en.ts';
import { peopleMessagesNb, peopleMessagesEn } from '../../features/people/people.messages.ts';
import { adminMessagesNb, adminMessagesEn } from '../../features/admin/admin.messages.ts';
import { roomsMessagesNb, roomsMessagesEn } from '../../features/rooms/rooms.messages.ts';
import { staysMessagesNb, staysMessagesEn } from '../../features/stays/stays.messages.ts';
import { moveOutMessagesNb, moveOutMessagesEn } from '../../features/stays/move-out.messages.ts';
import { allocationMessagesNb, allocationMessagesEn } from '../../features/allocation/allocation.messages.ts';
import { referralsMessagesNb, referralsMessagesEn } from '../../features/referrals/referrals.messages.ts';
import { agreementsMessagesNb, agreementsMessagesEn } from '../../features/agreements/agreements.messages.ts';
import { notificationsMessagesNb, notificationsMessagesEn } from '../notifications/notifications.messages.ts';
import { extensionMessagesNb, extensionMessagesEn } from '../../features/stays/extension.messages.ts';
import { journalMessagesNb, journalMessagesEn } from '../../features/journal/journal.messages.ts';
import { aftercareMessagesNb, aftercareMessagesEn } from '../../features/aftercare/aftercare.messages.ts';
import { housingSearchMessagesNb, housingSearchMessagesEn } from '../../features/housing-search/housing-search.messages.ts';
import { incidentsMessagesNb, incidentsMessagesEn } from '../../features/incidents/incidents.messages.ts';
import { riskMessagesNb, riskMessagesEn } from '../../features/risk/risk.messages.ts';
import { keysMessagesNb, keysMessagesEn } from '../../features/stays/keys.messages.ts';
import { reportsMessagesNb, reportsMessagesEn } from '../../features/reports/reports.messages.ts';
import { paymentsMessagesNb, paymentsMessagesEn } from '../../features/payments/payments.messages.ts';
import { economicsMessagesNb, economicsMessagesEn } from '../../features/economics/economics.messages.ts';
import { dataExchangeMessagesNb, dataExchangeMessagesEn } from '../../features/data-exchange/data-exchange.messages.ts';
import { privacyMessagesNb, privacyMessagesEn } from '../../features/privacy/privacy.messages.ts';
import { shiftLogMessagesNb, shiftLogMessagesEn } from '../../features/shift-log/shift-log.messages.ts';
import { patrolMessagesNb, patrolMessagesEn } from '../../features/patrols/patrols.messages.ts';
import { staffingMessagesNb, staffingMessagesEn } from '../../features/staffing/staffing.messages.ts';
import { accountMessagesNb, accountMessagesEn } from '../auth/account.messages.ts';

// Every text of the interface, gathered from the platform and each feature's `*.messages.ts`.
// A feature's English object is typed by its Norwegian one, so a missing translation fails typecheck.
export const nb = {
  ...platformMessagesNb,
  ...peopleMessagesNb,
  ...adminMessagesNb,
  ...roomsMessagesNb,
  ...staysMessagesNb,
  ...moveOutMessagesNb,
  ...allocationMessagesNb,
  ...referralsMessagesNb,
  ...agreementsMessagesNb,
  ...notificationsMessagesNb,
  ...extensionMessagesNb,
  ...journalMessagesNb,
  ...aftercareMessagesNb,
  ...housingSearchMessagesNb,
  ...incidentsMessagesNb,
  ...riskMessagesNb,
  ...keysMessagesNb,
  ...reportsMessagesNb,
  ...paymentsMessagesNb,
  ...economicsMessagesNb,
  ...dataExchangeMessagesNb,
  ...privacyMessagesNb,
  ...shiftLogMessagesNb,
  ...patrolMessagesNb,
  ...staffingMessagesNb,
  ...accountMessagesNb,
};

export const en: Record<MessageKey, string> = {
  ...platformMessagesEn,
  ...peopleMessagesEn,
  ...adminMessagesEn,
  ...roomsMessagesEn,
  ...staysMessagesEn,
  ...moveOutMessagesEn,
  ...allocationMessagesEn,
  ...referralsMessagesEn,
  ...agreementsMessagesEn,
  ...notificationsMessagesEn,
  ...extensionMessagesEn,
  ...journalMessagesEn,
  ...aftercareMessagesEn,
  ...housingSearchMessagesEn,
  ...incidentsMessagesEn,
  ...riskMessagesEn,
  ...keysMessagesEn,
  ...reportsMessagesEn,
  ...paymentsMessagesEn,
  ...economicsMessagesEn,
  ...dataExchangeMessagesEn,
  ...privacyMessagesEn,
  ...shiftLogMessagesEn,
  ...patrolMessagesEn,
  ...staffingMessagesEn,
  ...accountMessagesEn,
};

export type MessageKey = keyof typeof nb;
