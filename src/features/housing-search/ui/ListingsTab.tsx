import { useState, type FormEvent } from 'react';
import { Button, Field, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate, formatMoney } from '../../../platform/ui/format.ts';
import { issuesToFields } from '../../../platform/i18n/i18n.ts';
import { listListingsQuery, type ListingOutput } from '../housing-search.schema.ts';
import { useYesNo } from './StatusTags.tsx';

interface Filter {
  active: string;
  maxRent: string;
  minRooms: string;
  furnished: string;
}

/** The listings, newest first, with filters for active, highest rent, rooms and furnished. */
export function ListingsTab() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const yesNo = useYesNo();
  const [filter, setFilter] = useState<Filter>({ active: 'active', maxRent: '', minRooms: '', furnished: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  const listings = useApi<ListingOutput[]>(`/api/listings?${query}`);

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Filter = {
      active: String(data.get('active') ?? 'active'),
      maxRent: String(data.get('maxRent') ?? '').trim(),
      minRooms: String(data.get('minRooms') ?? ''),
      furnished: String(data.get('furnished') ?? ''),
    };
    const parsed = listListingsQuery.safeParse(next);
    setErrors(parsed.success ? {} : issuesToFields(locale, parsed.error.issues));
    if (parsed.success) setFilter(next);
  }

  return (
    <>
      <div className="hs-head">
        <Paragraph>{t('housingSearch.listingsIntro')}</Paragraph>
        {can('housing_search:write') && (
          <Button asChild>
            <RouterLink to="/boligsok/annonser/ny">{t('housingSearch.newListing')}</RouterLink>
          </Button>
        )}
      </div>
      <form role="search" aria-label={t('housingSearch.filterTitle')} className="hs-filters" onSubmit={applyFilter} noValidate>
        <Field>
          <Label htmlFor="hs-filter-active">{t('housingSearch.filterActive')}</Label>
          <Select id="hs-filter-active" name="active" defaultValue={filter.active}>
            <Select.Option value="active">{t('housingSearch.filterActive.active')}</Select.Option>
            <Select.Option value="inactive">{t('housingSearch.filterActive.inactive')}</Select.Option>
            <Select.Option value="all">{t('housingSearch.filterActive.all')}</Select.Option>
          </Select>
        </Field>
        <Textfield id="hs-filter-maxRent" name="maxRent" label={t('housingSearch.filterMaxRent')} defaultValue={filter.maxRent} error={errors.maxRent} inputMode="decimal" autoComplete="off" />
        <Field>
          <Label htmlFor="hs-filter-minRooms">{t('housingSearch.filterMinRooms')}</Label>
          <Select id="hs-filter-minRooms" name="minRooms" defaultValue={filter.minRooms}>
            <Select.Option value="">{t('housingSearch.filterAny')}</Select.Option>
            {[1, 2, 3, 4].map((n) => (
              <Select.Option key={n} value={String(n)}>
                {t('housingSearch.roomsOrMore', { count: n })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="hs-filter-furnished">{t('housingSearch.furnished')}</Label>
          <Select id="hs-filter-furnished" name="furnished" defaultValue={filter.furnished}>
            <Select.Option value="">{t('housingSearch.filterAny')}</Select.Option>
            <Select.Option value="yes">{t('app.yes')}</Select.Option>
            <Select.Option value="no">{t('app.no')}</Select.Option>
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          {t('housingSearch.filterApply')}
        </Button>
      </form>
      {listings.error && <ErrorAlert error={listings.error} />}
      {listings.loading && !listings.data && <Loading />}
      {listings.data && (
        <section aria-live="polite" aria-label={t('housingSearch.tab.listings')}>
          {listings.data.length === 0 ? (
            <Paragraph>{t('housingSearch.noListings')}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm" className="hs-muted">
                {t('housingSearch.listingsCount', { count: listings.data.length })}
              </Paragraph>
              <Table className="hs-table" data-testid="listings">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('housingSearch.address')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.rentShort')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.roomsShort')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.furnished')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.availableFrom')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housingSearch.source')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {listings.data.map((l) => (
                    <Table.Row key={l.id}>
                      <Table.Cell data-label={t('housingSearch.address')}>
                        <Link asChild>
                          <RouterLink to={`/boligsok/annonser/${l.id}`}>{l.address}</RouterLink>
                        </Link>{' '}
                        {!l.isActive && <Tag data-color="neutral">{t('housingSearch.inactive')}</Tag>}
                      </Table.Cell>
                      <Table.Cell data-label={t('housingSearch.rentShort')}>{formatMoney(l.rentOre)}</Table.Cell>
                      <Table.Cell data-label={t('housingSearch.roomsShort')}>{l.rooms ?? '–'}</Table.Cell>
                      <Table.Cell data-label={t('housingSearch.furnished')}>{yesNo(l.furnished)}</Table.Cell>
                      <Table.Cell data-label={t('housingSearch.availableFrom')}>{l.availableFrom ? formatDate(l.availableFrom) : t('housingSearch.now')}</Table.Cell>
                      <Table.Cell data-label={t('housingSearch.source')}>{t(`housingSearch.source.${l.source}`)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </>
          )}
        </section>
      )}
    </>
  );
}
