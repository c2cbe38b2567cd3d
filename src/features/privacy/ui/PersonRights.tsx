import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';

/** On the person page: the person's rights of access — the printed access log and the full export. */
export function PersonRights({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <section className="stack no-print" aria-labelledby="person-rights-title">
      <Heading level={2} data-size="md" id="person-rights-title">
        {t('privacy.rightsTitle')}
      </Heading>
      <Paragraph>{t('privacy.rightsIntro')}</Paragraph>
      <ul>
        <li>
          <Link href={`/api/people/${personId}/access-log.pdf`} download>
            {t('privacy.accessLogPdf')}
          </Link>
        </li>
        {can('privacy:export') && (
          <>
            <li>
              <Link href={`/api/people/${personId}/data-export.pdf`} download>
                {t('privacy.exportPdf')}
              </Link>
            </li>
            <li>
              <Link href={`/api/people/${personId}/data-export`} download>
                {t('privacy.exportJson')}
              </Link>
            </li>
          </>
        )}
      </ul>
    </section>
  );
}
