import type { RouteObject } from 'react-router';
import { AppShell } from './AppShell.tsx';
import { ComingSoon } from './ComingSoon.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { dailyNav } from './navigation.ts';
import { PeopleSearchPage } from '../../features/people/ui/PeopleSearchPage.tsx';
import { RegisterPersonPage } from '../../features/people/ui/RegisterPersonPage.tsx';
import { PersonPage } from '../../features/people/ui/PersonPage.tsx';
import { RoomsOverviewPage } from '../../features/rooms/ui/RoomsOverviewPage.tsx';
import { HousesAdminPage } from '../../features/rooms/ui/HousesAdminPage.tsx';
import { UsersPage } from '../../features/admin/ui/UsersPage.tsx';
import { AuditLogPage } from '../../features/admin/ui/AuditLogPage.tsx';
import { AgreementsOverviewPage } from '../../features/agreements/ui/AgreementsOverviewPage.tsx';
import { AgreementTemplatePage } from '../../features/agreements/ui/AgreementTemplatePage.tsx';
import { StayAgreementPage } from '../../features/agreements/ui/StayAgreementPage.tsx';
import { HouseRulesPage } from '../../features/agreements/ui/HouseRulesPage.tsx';
import { BoardPage } from '../../features/stays/ui/BoardPage.tsx';
import { CheckInPage } from '../../features/stays/ui/CheckInPage.tsx';
import { FireListPage } from '../../features/stays/ui/FireListPage.tsx';
import { RoomEquipmentPage } from '../../features/stays/ui/RoomEquipmentPage.tsx';
import { ReferralsPage } from '../../features/referrals/ui/ReferralsPage.tsx';
import { NewReferralPage } from '../../features/referrals/ui/NewReferralPage.tsx';
import { ReferralPage } from '../../features/referrals/ui/ReferralPage.tsx';
import { DecisionPage } from '../../features/allocation/ui/DecisionPage.tsx';
import { WaitingListPage } from '../../features/allocation/ui/WaitingListPage.tsx';
import { NotFound } from './NotFound.tsx';

const guard = (permission: string, element: React.ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

// Every page of the app. Each feature's pages live in its own ui/ folder.
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: guard('stay:read', <BoardPage />) },
      { path: 'hybler', element: guard('room:read', <RoomsOverviewPage />) },
      { path: 'hybler/:roomId', element: guard('room:read', <RoomEquipmentPage />) },
      { path: 'innflytting/:offerId', element: guard('stay:check_in', <CheckInPage />) },
      { path: 'brannliste', element: guard('stay:read', <FireListPage />) },
      { path: 'personer', element: guard('person:search', <PeopleSearchPage />) },
      { path: 'personer/ny', element: guard('person:write', <RegisterPersonPage />) },
      { path: 'personer/:id', element: guard('person:read', <PersonPage />) },
      { path: 'hus', element: guard('room:write', <HousesAdminPage />) },
      { path: 'admin/brukere', element: guard('user:admin', <UsersPage />) },
      { path: 'admin/logg', element: guard('audit:read', <AuditLogPage />) },
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
      ...dailyNav.filter((i) => i.coming).map((i) => ({ path: i.to.slice(1), element: <ComingSoon title={i.label} /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
];
