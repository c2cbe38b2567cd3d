// The header's unread count listens for this after the inbox page marks something read.
export const INBOX_CHANGED = 'bolignu:inbox-changed';

export function announceInboxChanged(unreadCount: number) {
  window.dispatchEvent(new CustomEvent(INBOX_CHANGED, { detail: unreadCount }));
}
