import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from './i18n-context.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        404
      </Heading>
      <Paragraph>{t('app.notFound')}</Paragraph>
    </div>
  );
}
