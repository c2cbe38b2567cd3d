import { useState } from 'react';
import { Alert, Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import type { LandlordOutput } from '../housing-search.schema.ts';
import { LandlordForm } from './LandlordForm.tsx';

/** The landlords the service works with, by name, with how many listings and applications name them. */
export function LandlordsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const landlords = useApi<LandlordOutput[]>('/api/landlords');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <>
      <div className="hs-head">
        <Paragraph>{t('housingSearch.landlordsIntro')}</Paragraph>
        {can('housing_search:write') && !adding && (
          <Button
            onClick={() => {
              setAdding(true);
              setCreated(null);
            }}
          >
            {t('housingSearch.newLandlord')}
          </Button>
        )}
      </div>
      {created && (
        <Alert data-color="success" role="status">
          {t('housingSearch.landlordCreated', { name: created })}
        </Alert>
      )}
      {adding && (
        <LandlordForm
          title={t('housingSearch.newLandlord')}
          onCancel={() => setAdding(false)}
          onSubmit={async (value) => {
            const landlord = await api.post<LandlordOutput>('/api/landlords', value);
            setAdding(false);
            setCreated(landlord.name);
            await landlords.reload();
          }}
        />
      )}
      {landlords.error && <ErrorAlert error={landlords.error} />}
      {landlords.loading && !landlords.data && <Loading />}
      {landlords.data &&
        (landlords.data.length === 0 ? (
          <Paragraph>{t('housingSearch.noLandlords')}</Paragraph>
        ) : (
          <Table className="hs-table" data-testid="landlords">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('housingSearch.landlordName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.phone')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.activeListings')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.applicationsCount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.signedCount')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {landlords.data.map((l) => (
                <Table.Row key={l.id}>
                  <Table.Cell data-label={t('housingSearch.landlordName')}>
                    <Link asChild>
                      <RouterLink to={`/boligsok/utleiere/${l.id}`}>{l.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell data-label={t('housingSearch.phone')}>{l.phone ?? '–'}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.email')}>{l.email ?? '–'}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.activeListings')}>{l.activeListings}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.applicationsCount')}>{l.applications}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.signedCount')}>{l.signed}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
    </>
  );
}
