import './housing-search.css';
import { useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatMoney } from '../../../platform/ui/format.ts';
import type { HousingApplicationOutput, ListingOutput, SuggestionOutput } from '../housing-search.schema.ts';
import { ApplicationStatusTag, todayInOslo, useYesNo } from './StatusTags.tsx';

/** A listing with its facts, the link to the advert, and the residents it fits (one tap to register an application). */
export function ListingPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const yesNo = useYesNo();
  const listing = useApi<ListingOutput>(`/api/listings/${id}`);
  const [toggleError, setToggleError] = useState<ApiError | null>(null);

  if (listing.error) return <ErrorAlert error={listing.error} />;
  if (!listing.data) return <Loading />;
  const l = listing.data;
  const saved = (location.state as { saved?: boolean } | null)?.saved;

  async function toggleActive() {
    try {
      listing.setData(await api.post<ListingOutput>(`/api/listings/${l.id}/active`, { isActive: !l.isActive }));
      setToggleError(null);
    } catch (err) {
      setToggleError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    }
  }

  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to="/boligsok">{t('housingSearch.backToListings')}</RouterLink>
      </Link>
      <div className="hs-head">
        <Heading level={1} data-size="lg">
          {l.address}
        </Heading>
        {l.isActive ? <Tag data-color="success">{t('housingSearch.active')}</Tag> : <Tag data-color="neutral">{t('housingSearch.inactive')}</Tag>}
      </div>
      {saved && (
        <Alert data-color="success" role="status">
          {t('housingSearch.listingSaved')}
        </Alert>
      )}
      {toggleError && <ErrorAlert error={toggleError} />}
      <dl className="hs-facts">
        <dt>{t('housingSearch.rent')}</dt>
        <dd>{formatMoney(l.rentOre)}</dd>
        <dt>{t('housingSearch.deposit')}</dt>
        <dd>{l.depositOre === null ? '–' : formatMoney(l.depositOre)}</dd>
        <dt>{t('housingSearch.sizeM2')}</dt>
        <dd>{l.sizeM2 === null ? '–' : `${l.sizeM2}\u00a0m²`}</dd>
        <dt>{t('housingSearch.rooms')}</dt>
        <dd>{l.rooms ?? '–'}</dd>
        <dt>{t('housingSearch.furnished')}</dt>
        <dd>{yesNo(l.furnished)}</dd>
        <dt>{t('housingSearch.availableFrom')}</dt>
        <dd>{l.availableFrom ? formatDate(l.availableFrom) : t('housingSearch.now')}</dd>
        <dt>{t('housingSearch.landlord')}</dt>
        <dd>
          {l.landlordId ? (
            <Link asChild>
              <RouterLink to={`/boligsok/utleiere/${l.landlordId}`}>{l.landlordName}</RouterLink>
            </Link>
          ) : (
            (l.landlordContact ?? '–')
          )}
          {l.landlordId && l.landlordContact ? ` (${l.landlordContact})` : ''}
        </dd>
        <dt>{t('housingSearch.source')}</dt>
        <dd>{t(`housingSearch.source.${l.source}`)}</dd>
        <dt>{t('housingSearch.url')}</dt>
        <dd>
          {l.url ? (
            <Link href={l.url} target="_blank" rel="noopener noreferrer">
              {t('housingSearch.openAdvert')}
            </Link>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('housingSearch.notes')}</dt>
        <dd>{l.notes ?? '–'}</dd>
        <dt>{t('housingSearch.registered')}</dt>
        <dd>{formatDate(new Date(l.createdAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }))}</dd>
      </dl>
      {can('housing_search:write') && (
        <div className="hs-actions">
          <Button asChild variant="secondary">
            <RouterLink to={`/boligsok/annonser/${l.id}/endre`}>{t('housingSearch.editListing')}</RouterLink>
          </Button>
          <Button variant="secondary" onClick={() => void toggleActive()}>
            {l.isActive ? t('housingSearch.markInactive') : t('housingSearch.markActive')}
          </Button>
        </div>
      )}
      {can('person:read') && <Suggestions listing={l} />}
    </div>
  );
}

/** The current residents whose budget and needs fit the listing; "Registrer søknad" records a sent application in one tap. */
function Suggestions({ listing }: { listing: ListingOutput }) {
  const { t } = useI18n();
  const { can } = useSession();
  const suggestions = useApi<SuggestionOutput[]>(`/api/listings/${listing.id}/suggestions`);
  const [registered, setRegistered] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function register(s: SuggestionOutput) {
    setBusy(s.personId);
    try {
      await api.post<HousingApplicationOutput>(`/api/people/${s.personId}/housing-applications`, { listingId: listing.id, sentOn: todayInOslo() });
      setRegistered(s.name);
      setError(null);
      await suggestions.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(null);
    }
  }

  const needsText = (s: SuggestionOutput) =>
    [
      t('housingSearch.budget', { amount: formatMoney(s.maxRentOre) }),
      s.minRooms && s.minRooms > 1 ? t('housingSearch.minRoomsText', { count: s.minRooms }) : null,
      s.needsFurnished ? t('housingSearch.needsFurnishedText') : null,
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <section className="hs-section" aria-labelledby="suggestions-title">
      <Heading level={2} data-size="md" id="suggestions-title">
        {t('housingSearch.suggestions')}
      </Heading>
      <Paragraph>{t('housingSearch.suggestionsIntro')}</Paragraph>
      {registered && (
        <Alert data-color="success" role="status">
          {t('housingSearch.applicationRegisteredFor', { name: registered })}
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {suggestions.error && <ErrorAlert error={suggestions.error} />}
      {suggestions.loading && !suggestions.data && <Loading />}
      {suggestions.data &&
        (suggestions.data.length === 0 ? (
          <Paragraph>{listing.isActive ? t('housingSearch.noSuggestions') : t('housingSearch.noSuggestionsInactive')}</Paragraph>
        ) : (
          <Table className="hs-table" data-testid="suggestions">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('housingSearch.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.room')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.plannedEnd')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.needs')}</Table.HeaderCell>
                <Table.HeaderCell>{t('housingSearch.application')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {suggestions.data.map((s) => (
                <Table.Row key={s.personId}>
                  <Table.Cell data-label={t('housingSearch.person')}>
                    <Link asChild>
                      <RouterLink to={`/personer/${s.personId}`}>{s.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell data-label={t('housingSearch.room')}>{s.roomName}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.plannedEnd')}>{formatDate(s.plannedEndOn)}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.needs')}>{needsText(s)}</Table.Cell>
                  <Table.Cell data-label={t('housingSearch.application')}>
                    {s.application && !['refused', 'withdrawn'].includes(s.application.status) ? (
                      <ApplicationStatusTag status={s.application.status} />
                    ) : can('housing_search:write') ? (
                      <Button data-size="sm" disabled={busy !== null} onClick={() => void register(s)} aria-label={t('housingSearch.registerApplicationFor', { name: s.name })}>
                        {t('housingSearch.registerApplication')}
                      </Button>
                    ) : (
                      '–'
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
    </section>
  );
}
