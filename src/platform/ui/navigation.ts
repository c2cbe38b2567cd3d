import type { MessageKey } from '../i18n/catalogue.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to users with this permission; undefined means everyone logged in. */
  permission?: string;
  /** Not built yet: shown as "kommer" so staff see where the product is going. */
  coming?: boolean;
}

// The capabilities of the product, in the order of the service's flow.
export const dailyNav: NavItem[] = [
  { to: '/', label: 'nav.board', permission: 'stay:read' },
  { to: '/brannliste', label: 'stays.nav.fireList', permission: 'stay:read' },
  { to: '/hybler', label: 'stays.nav.rooms', permission: 'room:read' },
  { to: '/nokler', label: 'keys.nav', permission: 'key:manage' },
  { to: '/henvisninger', label: 'nav.referrals', permission: 'referral:create' },
  { to: '/tildeling', label: 'nav.allocation', permission: 'waiting_list:read' },
  { to: '/personer', label: 'nav.people', permission: 'person:search' },
  { to: '/opphold', label: 'nav.stays', coming: true },
  { to: '/avtaler', label: 'nav.agreements', permission: 'agreement:read' },
  { to: '/husordensregler', label: 'nav.houseRules', permission: 'house_rules:read' },
  { to: '/journal', label: 'nav.journal', permission: 'task:read' },
  { to: '/boligsok', label: 'nav.housingSearch', permission: 'housing_search:read' },
  { to: '/ettervern', label: 'nav.aftercare', permission: 'aftercare:read' },
  { to: '/avvik', label: 'nav.incidents', permission: 'incident:read' },
  { to: '/betaling', label: 'nav.payments', permission: 'payment:read' },
  { to: '/okonomi', label: 'nav.economics', permission: 'economics:read' },
  { to: '/vaktbok', label: 'nav.shiftLog', coming: true },
  { to: '/ros', label: 'nav.risk', permission: 'risk:read' },
  { to: '/rapporter', label: 'nav.reports', permission: 'report:dashboard' },
];

export const adminNav: NavItem[] = [
  { to: '/hus', label: 'nav.rooms', permission: 'room:write' },
  { to: '/admin/brukere', label: 'nav.users', permission: 'user:admin' },
  { to: '/admin/logg', label: 'nav.auditLog', permission: 'audit:read' },
  { to: '/admin/data', label: 'nav.dataExchange', permission: 'data:export' },
];
