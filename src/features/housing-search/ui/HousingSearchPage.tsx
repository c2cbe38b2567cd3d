import './housing-search.css';
import { Heading, Paragraph, Tabs } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { ListingsTab } from './ListingsTab.tsx';
import { LandlordsTab } from './LandlordsTab.tsx';
import { HelpApplicationsTab } from './HelpApplicationsTab.tsx';

const tabs = ['annonser', 'utleiere', 'hjelp'] as const;
type Tab = (typeof tabs)[number];

/**
 * Boligsøk: the listings staff found, the landlords the service works with, and the applications for
 * help across residents. The tab is in the address (?fane=…) so it can be linked and survives reload.
 */
export function HousingSearchPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const current: Tab = tabs.includes(params.get('fane') as Tab) ? (params.get('fane') as Tab) : 'annonser';
  const seesResidents = can('person:read');

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('housingSearch.title')}
      </Heading>
      <Paragraph>{seesResidents ? t('housingSearch.intro') : t('housingSearch.introHousingOffice')}</Paragraph>
      <Tabs value={current} onChange={(value) => setParams(value === 'annonser' ? {} : { fane: value }, { replace: true })}>
        <Tabs.List className="hs-tablist">
          <Tabs.Tab value="annonser">{t('housingSearch.tab.listings')}</Tabs.Tab>
          <Tabs.Tab value="utleiere">{t('housingSearch.tab.landlords')}</Tabs.Tab>
          <Tabs.Tab value="hjelp">{seesResidents ? t('housingSearch.tab.help') : t('housingSearch.tab.municipalHousing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="annonser" className="hs-tabs-panel">
          {current === 'annonser' && <ListingsTab />}
        </Tabs.Panel>
        <Tabs.Panel value="utleiere" className="hs-tabs-panel">
          {current === 'utleiere' && <LandlordsTab />}
        </Tabs.Panel>
        <Tabs.Panel value="hjelp" className="hs-tabs-panel">
          {current === 'hjelp' && <HelpApplicationsTab />}
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
