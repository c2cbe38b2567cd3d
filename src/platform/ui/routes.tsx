import { createElement, lazy, useState, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell } from './AppShell.tsx';
import { ComingSoon } from './ComingSoon.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { dailyNav } from './navigation.ts';
import { NotFound } from './NotFound.tsx';
import { HomePage } from './HomePage.tsx';

// Each feature's pages load when first visited, so the first page a user opens carries only the shell
// and that page (code-split by Vite). A page whose code was loaded beforehand (`preload`) renders at
// once; one that is not yet loaded suspends, and React then holds its content back until the loading
// indicator has shown for 300 ms (its throttle against flicker), which on a cold load of the board
// was a third of the time to the first room on screen.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name]),
      (err: unknown) => {
        loading = undefined; // a later preload tries again
        throw err;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  // Chosen once per mounted page: switching from Lazy to the loaded component later would remount it
  // and lose what the user had typed.
  const Page = (props: object) => {
    const [component] = useState(() => loaded ?? Lazy);
    return createElement(component, props);
  };
  return Object.assign(Page, { preload });
}

const PeopleSearchPage = page(() => import('../../features/people/ui/PeopleSearchPage.tsx'), 'PeopleSearchPage');
const RegisterPersonPage = page(() => import('../../features/people/ui/RegisterPersonPage.tsx'), 'RegisterPersonPage');
const PersonPage = page(() => import('../../features/people/ui/PersonPage.tsx'), 'PersonPage');
const RoomsOverviewPage = page(() => import('../../features/rooms/ui/RoomsOverviewPage.tsx'), 'RoomsOverviewPage');
const HousesAdminPage = page(() => import('../../features/rooms/ui/HousesAdminPage.tsx'), 'HousesAdminPage');
const UsersPage = page(() => import('../../features/admin/ui/UsersPage.tsx'), 'UsersPage');
const AuditLogPage = page(() => import('../../features/admin/ui/AuditLogPage.tsx'), 'AuditLogPage');
const DataExchangePage = page(() => import('../../features/data-exchange/ui/DataExchangePage.tsx'), 'DataExchangePage');
const BreakGlassReviewPage = page(() => import('../../features/privacy/ui/BreakGlassReviewPage.tsx'), 'BreakGlassReviewPage');
const RetentionPage = page(() => import('../../features/privacy/ui/RetentionPage.tsx'), 'RetentionPage');
const AgreementsOverviewPage = page(() => import('../../features/agreements/ui/AgreementsOverviewPage.tsx'), 'AgreementsOverviewPage');
const AgreementTemplatePage = page(() => import('../../features/agreements/ui/AgreementTemplatePage.tsx'), 'AgreementTemplatePage');
const StayAgreementPage = page(() => import('../../features/agreements/ui/StayAgreementPage.tsx'), 'StayAgreementPage');
const HouseRulesPage = page(() => import('../../features/agreements/ui/HouseRulesPage.tsx'), 'HouseRulesPage');
const BoardPage = page(() => import('../../features/stays/ui/BoardPage.tsx'), 'BoardPage');
/** The home page's code (the room board), loaded before the first render of '/' (main.tsx). */
export const preloadHomePage = () => BoardPage.preload();
const CheckInPage = page(() => import('../../features/stays/ui/CheckInPage.tsx'), 'CheckInPage');
const FireListPage = page(() => import('../../features/stays/ui/FireListPage.tsx'), 'FireListPage');
const RoomEquipmentPage = page(() => import('../../features/stays/ui/RoomEquipmentPage.tsx'), 'RoomEquipmentPage');
const MoveOutPage = page(() => import('../../features/stays/ui/MoveOutPage.tsx'), 'MoveOutPage');
const ReportsPage = page(() => import('../../features/reports/ui/ReportsPage.tsx'), 'ReportsPage');
const ReferralsPage = page(() => import('../../features/referrals/ui/ReferralsPage.tsx'), 'ReferralsPage');
const NewReferralPage = page(() => import('../../features/referrals/ui/NewReferralPage.tsx'), 'NewReferralPage');
const ReferralPage = page(() => import('../../features/referrals/ui/ReferralPage.tsx'), 'ReferralPage');
const DecisionPage = page(() => import('../../features/allocation/ui/DecisionPage.tsx'), 'DecisionPage');
const WaitingListPage = page(() => import('../../features/allocation/ui/WaitingListPage.tsx'), 'WaitingListPage');
const AftercarePage = page(() => import('../../features/aftercare/ui/AftercarePage.tsx'), 'AftercarePage');
const MeetingSessionPage = page(() => import('../../features/aftercare/ui/MeetingSessionPage.tsx'), 'MeetingSessionPage');
const JournalPage = page(() => import('../../features/journal/ui/JournalPage.tsx'), 'JournalPage');
const InboxPage = page(() => import('../notifications/ui/InboxPage.tsx'), 'InboxPage');
const HousingSearchPage = page(() => import('../../features/housing-search/ui/HousingSearchPage.tsx'), 'HousingSearchPage');
const ListingPage = page(() => import('../../features/housing-search/ui/ListingPage.tsx'), 'ListingPage');
const ListingFormPage = page(() => import('../../features/housing-search/ui/ListingFormPage.tsx'), 'ListingFormPage');
const LandlordPage = page(() => import('../../features/housing-search/ui/LandlordPage.tsx'), 'LandlordPage');
const IncidentsPage = page(() => import('../../features/incidents/ui/IncidentsPage.tsx'), 'IncidentsPage');
const NewIncidentPage = page(() => import('../../features/incidents/ui/NewIncidentPage.tsx'), 'NewIncidentPage');
const IncidentPage = page(() => import('../../features/incidents/ui/IncidentPage.tsx'), 'IncidentPage');
const RiskPage = page(() => import('../../features/risk/ui/RiskPage.tsx'), 'RiskPage');
const KeyRegisterPage = page(() => import('../../features/stays/ui/KeyRegisterPage.tsx'), 'KeyRegisterPage');
const RoomConditionPage = page(() => import('../../features/stays/ui/RoomConditionPage.tsx'), 'RoomConditionPage');
const PaymentsPage = page(() => import('../../features/payments/ui/PaymentsPage.tsx'), 'PaymentsPage');
const EconomicsPage = page(() => import('../../features/economics/ui/EconomicsPage.tsx'), 'EconomicsPage');
const ShiftLogPage = page(() => import('../../features/shift-log/ui/ShiftLogPage.tsx'), 'ShiftLogPage');
const PatrolsPage = page(() => import('../../features/patrols/ui/PatrolsPage.tsx'), 'PatrolsPage');
const AccountPage = page(() => import('../auth/ui/AccountPage.tsx'), 'AccountPage');
const StaffingPage = page(() => import('../../features/staffing/ui/StaffingPage.tsx'), 'StaffingPage');

const guard = (permission: string, element: React.ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

// Every page of the app. Each feature's pages live in its own ui/ folder.
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage board={<BoardPage />} /> },
      { path: 'hybler', element: guard('room:read', <RoomsOverviewPage />) },
      { path: 'hybler/:roomId', element: guard('room:read', <RoomEquipmentPage />) },
      { path: 'innflytting/:offerId', element: guard('stay:check_in', <CheckInPage />) },
      { path: 'utflytting/:stayId', element: guard('stay:move_out', <MoveOutPage />) },
      { path: 'brannliste', element: guard('stay:read', <FireListPage />) },
      { path: 'personer', element: guard('person:search', <PeopleSearchPage />) },
      { path: 'personer/ny', element: guard('person:write', <RegisterPersonPage />) },
      { path: 'personer/:id', element: guard('person:read', <PersonPage />) },
      { path: 'hus', element: guard('room:write', <HousesAdminPage />) },
      { path: 'admin/brukere', element: guard('user:admin', <UsersPage />) },
      { path: 'admin/logg', element: guard('audit:read', <AuditLogPage />) },
      { path: 'admin/data', element: guard('data:export', <DataExchangePage />) },
      { path: 'personvern/apninger', element: guard('privacy:review', <BreakGlassReviewPage />) },
      { path: 'personvern/oppbevaring', element: guard('retention:manage', <RetentionPage />) },
      { path: 'avtaler', element: guard('agreement:read', <AgreementsOverviewPage />) },
      { path: 'avtaler/mal', element: guard('agreement_template:write', <AgreementTemplatePage />) },
      { path: 'opphold/:stayId/avtale', element: guard('agreement:read', <StayAgreementPage />) },
      { path: 'husordensregler', element: guard('house_rules:read', <HouseRulesPage />) },
      // Everyone who may read referrals (all, or their own) may also make one: referral:create.
      { path: 'henvisninger', element: guard('referral:create', <ReferralsPage />) },
      { path: 'henvisninger/ny', element: guard('referral:create', <NewReferralPage />) },
      { path: 'henvisninger/:id', element: guard('referral:create', <ReferralPage />) },
      { path: 'henvisninger/:id/vedtak', element: guard('referral:read', <DecisionPage />) },
      { path: 'tildeling', element: guard('waiting_list:read', <WaitingListPage />) },
      { path: 'ettervern', element: guard('aftercare:read', <AftercarePage />) },
      { path: 'ettervern/treff/:id', element: guard('aftercare:read', <MeetingSessionPage />) },
      { path: 'journal', element: guard('task:read', <JournalPage />) },
      { path: 'innboks', element: guard('inbox:read', <InboxPage />) },
      { path: 'boligsok', element: guard('housing_search:read', <HousingSearchPage />) },
      { path: 'boligsok/annonser/ny', element: guard('housing_search:write', <ListingFormPage />) },
      { path: 'boligsok/annonser/:id', element: guard('housing_search:read', <ListingPage />) },
      { path: 'boligsok/annonser/:id/endre', element: guard('housing_search:write', <ListingFormPage />) },
      { path: 'boligsok/utleiere/:id', element: guard('housing_search:read', <LandlordPage />) },
      { path: 'avvik', element: guard('incident:read', <IncidentsPage />) },
      { path: 'avvik/ny', element: guard('incident:create', <NewIncidentPage />) },
      { path: 'avvik/:id', element: guard('incident:read', <IncidentPage />) },
      { path: 'ros', element: guard('risk:read', <RiskPage />) },
      { path: 'nokler', element: guard('key:manage', <KeyRegisterPage />) },
      { path: 'hybler/:roomId/tilstand', element: guard('room:read', <RoomConditionPage />) },
      { path: 'rapporter', element: guard('report:dashboard', <ReportsPage />) },
      { path: 'betaling', element: guard('payment:read', <PaymentsPage />) },
      { path: 'okonomi', element: guard('economics:read', <EconomicsPage />) },
      { path: 'vaktbok', element: guard('shift_log:read', <ShiftLogPage />) },
      { path: 'nattrunder', element: guard('patrol:read', <PatrolsPage />) },
      { path: 'turnus', element: guard('staffing:read', <StaffingPage />) },
      // Every logged-in user's own account (the second factor); no permission beyond being logged in.
      { path: 'min-konto', element: <AccountPage /> },
      ...dailyNav.filter((i) => i.coming).map((i) => ({ path: i.to.slice(1), element: <ComingSoon title={i.label} /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
];
