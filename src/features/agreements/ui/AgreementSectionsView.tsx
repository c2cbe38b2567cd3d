import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import type { AgreementTemplateContent, ConsentItem, HouseRulesVersionOutput } from '../agreements.schema.ts';

type Content = Omit<AgreementTemplateContent, 'consents'> & { consents: (AgreementTemplateContent['consents'][number] & Partial<Pick<ConsentItem, 'untilOn'>>)[] };

/** The sections of an agreement (or of the template), read only. Headings start at the given level. */
export function AgreementSectionsView({ content, houseRules, level = 3 }: { content: Content; houseRules?: HouseRulesVersionOutput | null; level?: 2 | 3 }) {
  const { t } = useI18n();
  const h = (text: string) => (
    <Heading level={level} data-size="xs">
      {text}
    </Heading>
  );
  return (
    <div className="agreement-sections">
      <section>
        {h(t('agreements.section.introduction'))}
        <Paragraph className="agreement-text">{content.introduction}</Paragraph>
      </section>
      <section>
        {h(t('agreements.section.goals'))}
        {content.goals.length === 0 ? (
          <Paragraph>{t('agreements.noGoals')}</Paragraph>
        ) : (
          <ol>
            {content.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ol>
        )}
      </section>
      <section>
        {h(t('agreements.section.followUpPlan'))}
        {content.followUpPlan.length === 0 ? (
          <Paragraph>{t('agreements.noFollowUp')}</Paragraph>
        ) : (
          <ul className="agreement-rows">
            {content.followUpPlan.map((f, i) => (
              <li key={i}>
                <dl>
                  <dt>{t('agreements.followUp.what')}</dt>
                  <dd>{f.what}</dd>
                  <dt>{t('agreements.followUp.who')}</dt>
                  <dd>{f.who}</dd>
                  <dt>{t('agreements.followUp.frequency')}</dt>
                  <dd>{f.frequency}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        {h(t('agreements.section.services'))}
        {content.services.length === 0 ? (
          <Paragraph>{t('agreements.noServices')}</Paragraph>
        ) : (
          <ul>
            {content.services.map((s, i) => (
              <li key={i}>
                <strong>{s.name}:</strong> {s.purpose}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        {h(t('agreements.section.consents'))}
        {content.consents.length === 0 ? (
          <Paragraph>{t('agreements.noConsents')}</Paragraph>
        ) : (
          <ul className="agreement-rows">
            {content.consents.map((c, i) => (
              <li key={i}>
                <dl>
                  <dt>{t('agreements.consent.party')}</dt>
                  <dd>{c.party}</dd>
                  <dt>{t('agreements.consent.purpose')}</dt>
                  <dd>{c.purpose}</dd>
                  {c.untilOn && (
                    <>
                      <dt>{t('agreements.consent.untilOn')}</dt>
                      <dd>{formatDate(c.untilOn)}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        {h(t('agreements.section.paymentTerms'))}
        <Paragraph className="agreement-text">{content.paymentTerms}</Paragraph>
      </section>
      <section>
        {h(t('agreements.section.houseRules'))}
        <Paragraph className="agreement-text">{content.houseRulesText}</Paragraph>
        {houseRules !== undefined &&
          (houseRules ? (
            <>
              <Paragraph>
                <strong>{t('agreements.houseRulesVersion', { version: houseRules.version })}</strong>
              </Paragraph>
              <ol className="house-rules-list">
                {houseRules.rules.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ol>
            </>
          ) : (
            <Paragraph>{t('agreements.noHouseRules')}</Paragraph>
          ))}
      </section>
    </div>
  );
}
