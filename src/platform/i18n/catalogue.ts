import { platformMessagesNb } from './nb.ts';
import { platformMessagesEn } from './en.ts';
import { peopleMessagesNb, peopleMessagesEn } from '../../features/people/people.messages.ts';

// Every text of the interface, gathered from the platform and each feature's `*.messages.ts`.
// A feature's English object is typed by its Norwegian one, so a missing translation fails typecheck.
export const nb = {
  ...platformMessagesNb,
  ...peopleMessagesNb,
};

export const en: Record<MessageKey, string> = {
  ...platformMessagesEn,
  ...peopleMessagesEn,
};

export type MessageKey = keyof typeof nb;
