import './housing-search.css';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import type { LandlordOutput, ListingOutput } from '../housing-search.schema.ts';
import { ListingForm } from './ListingForm.tsx';

/** Registers a listing (/boligsok/annonser/ny) or changes one (/boligsok/annonser/:id/endre). */
export function ListingFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const landlords = useApi<LandlordOutput[]>('/api/landlords');
  const listing = useApi<ListingOutput>(id ? `/api/listings/${id}` : null);
  const back = id ? `/boligsok/annonser/${id}` : '/boligsok';

  const error = landlords.error ?? listing.error;
  if (error) return <ErrorAlert error={error} />;
  if (!landlords.data || (id && !listing.data)) return <Loading />;

  return (
    <div className="stack">
      <Link asChild>
        <RouterLink to={back}>{id ? t('housingSearch.backToListing') : t('housingSearch.backToListings')}</RouterLink>
      </Link>
      <Heading level={1} data-size="lg">
        {id ? t('housingSearch.editListing') : t('housingSearch.newListing')}
      </Heading>
      <Paragraph>{t('housingSearch.listingFormIntro')}</Paragraph>
      <ListingForm
        listing={listing.data}
        landlords={landlords.data}
        onCancel={() => navigate(back)}
        onSubmit={async (value) => {
          const saved = id ? await api.put<ListingOutput>(`/api/listings/${id}`, value) : await api.post<ListingOutput>('/api/listings', value);
          navigate(`/boligsok/annonser/${saved.id}`, { state: { saved: true } });
        }}
      />
    </div>
  );
}
