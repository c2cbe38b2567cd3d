import './housing-search.css';
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatMoney } from '../../../platform/ui/format.ts';
import type { HousingSearchOutput } from '../housing-search.schema.ts';
import { NeedsForm } from './NeedsForm.tsx';
import { ApplicationsPanel } from './ApplicationsPanel.tsx';
import { ReferencesPanel } from './ReferencesPanel.tsx';
import { HelpApplicationsPanel } from './HelpApplicationsPanel.tsx';
import { useYesNo } from './StatusTags.tsx';

/**
 * "Boligsøk" on a person's page: needs and budget, applications with viewings, references given, and
 * applications for help. Shown to roles with housing_search:read; the housing office gets the
 * person's municipal-housing applications only (the server decides). One form is open at a time.
 */
export function HousingSearchSection({ personId }: { personId: string }) {
  const { can } = useSession();
  if (!can('housing_search:read')) return null;
  return <HousingSearchSectionFor personId={personId} />;
}

function HousingSearchSectionFor({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const yesNo = useYesNo();
  const data = useApi<HousingSearchOutput>(`/api/people/${personId}/housing-search`);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = can('housing_search:write');

  const done = async (message: string) => {
    setOpen(null);
    setNotice(message);
    await data.reload();
  };
  const forms: FormSwitch = {
    open,
    setOpen(key) {
      setOpen(key);
      setNotice(null);
    },
    done,
  };

  return (
    <section className="stack" aria-labelledby="housing-search-title">
      <Heading level={2} data-size="md" id="housing-search-title">
        {t('housingSearch.title')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      {data.error && <ErrorAlert error={data.error} />}
      {data.loading && !data.data && <Loading />}
      {data.data && !data.data.complete && <Paragraph>{t('housingSearch.personLimited')}</Paragraph>}
      {data.data?.complete && (
        <>
          <div className="hs-section">
            <div className="hs-head">
              <Heading level={3} data-size="sm">
                {t('housingSearch.needsTitle')}
              </Heading>
              {canWrite && open !== 'needs' && (
                <Button variant="secondary" data-size="sm" onClick={() => forms.setOpen('needs')}>
                  {data.data.needs ? t('housingSearch.editNeeds') : t('housingSearch.addNeeds')}
                </Button>
              )}
            </div>
            {open === 'needs' ? (
              <NeedsForm personId={personId} needs={data.data.needs} onCancel={() => forms.setOpen(null)} onSaved={() => done(t('housingSearch.needsSaved'))} />
            ) : data.data.needs ? (
              <dl className="hs-facts">
                <dt>{t('housingSearch.maxRent')}</dt>
                <dd>{data.data.needs.maxRentOre === null ? '–' : formatMoney(data.data.needs.maxRentOre)}</dd>
                <dt>{t('housingSearch.minRooms')}</dt>
                <dd>{data.data.needs.minRooms ?? '–'}</dd>
                <dt>{t('housingSearch.needsFurnished')}</dt>
                <dd>{yesNo(data.data.needs.needsFurnished)}</dd>
                <dt>{t('housingSearch.notes')}</dt>
                <dd>{data.data.needs.notes ?? '–'}</dd>
              </dl>
            ) : (
              <Paragraph>{t('housingSearch.noNeeds')}</Paragraph>
            )}
          </div>
          <ApplicationsPanel personId={personId} applications={data.data.applications} canWrite={canWrite} forms={forms} />
          <ReferencesPanel personId={personId} references={data.data.references} applications={data.data.applications} canWrite={canWrite} forms={forms} />
        </>
      )}
      {data.data && <HelpApplicationsPanel personId={personId} helpApplications={data.data.helpApplications} canWrite={canWrite} forms={forms} />}
    </section>
  );
}

export interface FormSwitch {
  open: string | null;
  setOpen(key: string | null): void;
  done(message: string): Promise<void>;
}
