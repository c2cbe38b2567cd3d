import './referrals.css';
import { useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ReturningResident } from '../../aftercare/ui/ReturningResident.tsx';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import { ageOn } from '../../people/people.rules.ts';
import type { ScreeningOutput } from '../../allocation/screening.schema.ts';
import type { ReferralOutput } from '../referrals.schema.ts';
import { ReferralStatusTag, UrgentTag } from './ReferralStatusTag.tsx';
import { StoredScreening } from './ScreeningResult.tsx';
import { ScreeningForm } from './ScreeningForm.tsx';

type Person = NonNullable<ReferralOutput['household']>['applicant'];

const osloToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

function PersonFacts({ person, title }: { person: Person; title: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="stack">
      <Heading level={3} data-size="xs">
        {title}: {person.givenName} {person.familyName}
      </Heading>
      <dl className="facts">
        <dt>{t('people.birthDate')}</dt>
        <dd>
          {formatDate(person.birthDate)}
          {person.birthDate ? ` (${t('referrals.age', { age: ageOn(person.birthDate, osloToday()) })})` : ''}
        </dd>
        <dt>{t('people.idType')}</dt>
        <dd>
          {t(`idType.${person.idType}`)} {person.maskedNationalId ?? ''}
        </dd>
        <dt>{t('people.phone')}</dt>
        <dd>{person.phone ?? '–'}</dd>
      </dl>
      {can('person:read') && (
        <Link asChild className="no-print">
          <RouterLink to={`/personer/${person.personId}`}>{t('referrals.openPerson')}</RouterLink>
        </Link>
      )}
    </div>
  );
}

/**
 * One referral. The service sees the household and the screening; the referring caseworker sees
 * what they referred and how far it has come.
 */
export function ReferralPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const referral = useApi<ReferralOutput>(`/api/referrals/${id}`);
  const service = can('referral:read');
  const screenings = useApi<ScreeningOutput[]>(service && referral.data ? `/api/referrals/${id}/screenings` : null);
  const [saved, setSaved] = useState(false);
  const [screenAgain, setScreenAgain] = useState(false);

  if (referral.error) return <ErrorAlert error={referral.error} />;
  if (!referral.data) return <Loading />;
  const r = referral.data;
  const created = (location.state as { created?: boolean } | null)?.created;
  const latest = screenings.data?.[0];
  const canScreen = can('referral:screen') && r.household !== null && (r.status === 'received' || r.status === 'screened');

  return (
    <div className="stack">
      <Link asChild className="no-print">
        <RouterLink to="/henvisninger">← {t('referrals.backToList')}</RouterLink>
      </Link>
      <div className="referral-head">
        <Heading level={1} data-size="lg">
          {r.householdName}
        </Heading>
        <ReferralStatusTag status={r.status} />
        {r.nowhereToSleepTonight && <UrgentTag />}
      </div>
      {created && <Alert data-color="success">{t('referrals.created')}</Alert>}
      {r.household && <ReturningResident personId={r.household.applicant.personId} referralId={r.id} />}
      {can('allocation:decide') && (
        <div className="no-print">
          <Button asChild>
            <RouterLink to={`/henvisninger/${r.id}/vedtak`}>{t('referrals.decide')}</RouterLink>
          </Button>
        </div>
      )}

      <section className="stack">
        <Heading level={2} data-size="md">
          {t('referrals.details')}
        </Heading>
        <dl className="facts">
          <dt>{t('referrals.receivedAt')}</dt>
          <dd>{formatDateTime(r.receivedAt, locale)}</dd>
          <dt>{t('referrals.section.situation')}</dt>
          <dd>
            {t(`referrals.situation.${r.situation}`)}
            {r.situationOther ? `: ${r.situationOther}` : ''}
          </dd>
          <dt>{t('referrals.previousStayShort')}</dt>
          <dd>{t(`referrals.previousStay.${r.previousStay}`)}</dd>
          <dt>{t('referrals.urgency')}</dt>
          <dd>{r.nowhereToSleepTonight ? t('referrals.nowhereToSleepTonight') : '–'}</dd>
          <dt>{t('referrals.needsShort')}</dt>
          <dd>{r.needs ?? '–'}</dd>
          <dt>{t('referrals.section.consent')}</dt>
          <dd>{r.consentToShare ? t('referrals.consentYes', { scope: r.consentScope ?? '–' }) : t('app.no')}</dd>
          <dt>{t('referrals.section.caseworker')}</dt>
          <dd>
            {[r.caseworkerName, r.navOffice, r.caseworkerPhone, r.caseworkerEmail].filter(Boolean).join(' · ')}
          </dd>
        </dl>
      </section>

      <section className="stack">
        <Heading level={2} data-size="md">
          {t('referrals.householdSection')}
        </Heading>
        {r.household ? (
          <>
            <PersonFacts person={r.household.applicant} title={t('referrals.applicant')} />
            {r.household.partner ? <PersonFacts person={r.household.partner} title={t('referrals.partner')} /> : <Paragraph>{t('referrals.noPartner')}</Paragraph>}
            <Heading level={3} data-size="xs">
              {t('referrals.children')}
            </Heading>
            {r.household.children.length === 0 ? (
              <Paragraph>{t('referrals.noChildren')}</Paragraph>
            ) : (
              <ul>
                {r.household.children.map((c, i) => (
                  <li key={i}>
                    {c.name}
                    {c.birthDate ? `, ${formatDate(c.birthDate)} (${t('referrals.age', { age: ageOn(c.birthDate, osloToday()) })})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <Paragraph>{t('referrals.ownViewNote')}</Paragraph>
        )}
      </section>

      <section className="stack">
        <Heading level={2} data-size="md">
          {t('referrals.history')}
        </Heading>
        <ol className="referral-history">
          {r.history.map((h, i) => (
            <li key={i}>
              <span className="when">{formatDateTime(h.at, locale)}</span>
              {t(`referrals.status.${h.status}`)}
            </li>
          ))}
        </ol>
      </section>

      {service && r.household && (
        <section className="stack">
          <Heading level={2} data-size="md">
            {t('screening.title')}
          </Heading>
          {saved && <Alert data-color="success">{t('screening.saved')}</Alert>}
          {screenings.error && <ErrorAlert error={screenings.error} />}
          {screenings.data && !latest && <Paragraph>{t('screening.none')}</Paragraph>}
          {latest && (
            <>
              <Heading level={3} data-size="sm">
                {t('screening.latest')}
              </Heading>
              <StoredScreening screening={latest} />
            </>
          )}
          {canScreen && latest && !screenAgain && (
            <div className="no-print">
              <Button variant="secondary" onClick={() => setScreenAgain(true)}>
                {t('screening.again')}
              </Button>
            </div>
          )}
          {canScreen && (!latest || screenAgain) && (
            <div className="referral-panel no-print">
              <ScreeningForm
                referralId={r.id}
                household={r.household!}
                onSaved={() => {
                  setSaved(true);
                  setScreenAgain(false);
                  void referral.reload();
                  void screenings.reload();
                }}
              />
            </div>
          )}
          {r.status !== 'received' && r.status !== 'screened' && <Paragraph>{t('screening.closed')}</Paragraph>}
        </section>
      )}
    </div>
  );
}
