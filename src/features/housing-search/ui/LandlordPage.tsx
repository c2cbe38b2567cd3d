import './housing-search.css';
import { useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatMoney } from '../../../platform/ui/format.ts';
import { applicationStatusOrder } from '../housing-search.rules.ts';
import type { LandlordHistoryOutput, LandlordOutput } from '../housing-search.schema.ts';
import { LandlordForm } from './LandlordForm.tsx';
import { ApplicationStatusTag } from './StatusTags.tsx';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** A landlord: contact details, listings, and the history of applications and references that name them. */
export function LandlordPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const history = useApi<LandlordHistoryOutput>(`/api/landlords/${id}`);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (history.error) return <ErrorAlert error={history.error} />;
  if (!history.data) return <Loading />;
  const h = history.data;
  const l = h.landlord;

  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/boligsok?fane=utleiere">{t('housingSearch.backToLandlords')}</RouterLink>
      </Link>
      <div className="hs-head">
        <Heading level={1} data-size="lg">
          {l.name}
        </Heading>
        {can('housing_search:write') && !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('housingSearch.editLandlord')}
          </Button>
        )}
      </div>
      {saved && !editing && (
        <Alert data-color="success" role="status">
          {t('housingSearch.landlordSaved')}
        </Alert>
      )}
      {editing ? (
        <LandlordForm
          title={t('housingSearch.editLandlord')}
          landlord={l}
          onCancel={() => setEditing(false)}
          onSubmit={async (value) => {
            await api.put<LandlordOutput>(`/api/landlords/${l.id}`, value);
            setEditing(false);
            setSaved(true);
            await history.reload();
          }}
        />
      ) : (
        <dl className="hs-facts">
          <dt>{t('housingSearch.phone')}</dt>
          <dd>{l.phone ? <Link href={`tel:${l.phone.replace(/\s/g, '')}`}>{l.phone}</Link> : '–'}</dd>
          <dt>{t('housingSearch.email')}</dt>
          <dd>{l.email ? <Link href={`mailto:${l.email}`}>{l.email}</Link> : '–'}</dd>
          <dt>{t('housingSearch.notes')}</dt>
          <dd>{l.notes ?? '–'}</dd>
        </dl>
      )}

      <section className="hs-section" aria-labelledby="landlord-history-title">
        <Heading level={2} data-size="md" id="landlord-history-title">
          {t('housingSearch.history')}
        </Heading>
        <ul className="hs-counts" aria-label={t('housingSearch.countsByStatus')}>
          {applicationStatusOrder.map((s) => (
            <li key={s}>
              <Tag data-color="neutral">
                {t(`housingSearch.status.${s}`)}: {h.countsByStatus[s] ?? 0}
              </Tag>
            </li>
          ))}
          <li>
            <Tag data-color="neutral">
              {t('housingSearch.references')}: {h.referencesCount}
            </Tag>
          </li>
        </ul>
        {!h.showsResidents && <Paragraph>{t('housingSearch.historyNamesHidden')}</Paragraph>}

        {h.showsResidents && (
          <>
            <Heading level={3} data-size="sm">
              {t('housingSearch.applicationsCount')}
            </Heading>
            {h.applications.length === 0 ? (
              <Paragraph>{t('housingSearch.noApplications')}</Paragraph>
            ) : (
              <Table className="hs-table" data-testid="landlord-applications">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('housingSearch.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.address')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.sentOn')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.status')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {h.applications.map((a) => (
                    <Table.Row key={a.id}>
                      <Table.Cell data-label={t('housingSearch.person')}>
                        <Link asChild>
                          <RouterLink to={`/personer/${a.personId}`}>{a.personName}</RouterLink>
                        </Link>
                        {a.recordClosed && (
                          <>
                            {' '}
                            <ClosedRecordTag />
                          </>
                        )}
                      </Table.Cell>
                      <Table.Cell data-label={t('housingSearch.address')}>{a.address ?? '–'}</Table.Cell>
                      <Table.Cell data-label={t('housingSearch.sentOn')}>{formatDate(a.sentOn)}</Table.Cell>
                      <Table.Cell data-label={t('housingSearch.status')}>{a.status ? <ApplicationStatusTag status={a.status} /> : '–'}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
            <Heading level={3} data-size="sm">
              {t('housingSearch.references')}
            </Heading>
            {h.references.length === 0 ? (
              <Paragraph>{t('housingSearch.noReferences')}</Paragraph>
            ) : (
              <ul className="hs-list">
                {h.references.map((r) => (
                  <li key={r.id} className="hs-card">
                    <p>
                      <Link asChild>
                        <RouterLink to={`/personer/${r.personId}`}>{r.personName}</RouterLink>
                      </Link>{' '}
                      {r.recordClosed ? (
                        <ClosedRecordTag />
                      ) : (
                        <span className="hs-muted">{t('housingSearch.givenOnBy', { date: formatDate(r.givenOn), name: r.givenByName ?? '–' })}</span>
                      )}
                    </p>
                    {r.notes && <p>{r.notes}</p>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section className="hs-section" aria-labelledby="landlord-listings-title">
        <Heading level={2} data-size="md" id="landlord-listings-title">
          {t('housingSearch.tab.listings')}
        </Heading>
        {h.listings.length === 0 ? (
          <Paragraph>{t('housingSearch.noListings')}</Paragraph>
        ) : (
          <ul className="hs-list">
            {h.listings.map((x) => (
              <li key={x.id}>
                <Link asChild>
                  <RouterLink to={`/boligsok/annonser/${x.id}`}>{x.address}</RouterLink>
                </Link>{' '}
                – {formatMoney(x.rentOre)} {!x.isActive && <Tag data-color="neutral">{t('housingSearch.inactive')}</Tag>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
