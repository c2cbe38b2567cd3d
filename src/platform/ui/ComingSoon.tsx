import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from './i18n-context.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';

export function ComingSoon({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t(title)}
      </Heading>
      <Paragraph>{t('app.comingSoonPage')}</Paragraph>
    </div>
  );
}
