import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import type { ScreeningLine, ScreeningResult as Result } from '../../allocation/screening.rules.ts';
import type { ScreeningOutput } from '../../allocation/screening.schema.ts';

const resultColour: Record<Result, string> = { eligible: 'success', needs_justification: 'warning', excluded: 'danger' };
const outcomeColour = { pass: 'success', exclude: 'danger', exception: 'warning' } as const;

export function ScreeningResultTag({ result }: { result: Result }) {
  const { t } = useI18n();
  return (
    <Tag data-color={resultColour[result]} data-size="md">
      {t(`screening.result.${result}`)}
    </Tag>
  );
}

/** The screening explained line by line: criterion, answer, assessment and why. */
export function ScreeningLines({ lines }: { lines: Pick<ScreeningLine, 'criterion' | 'answer' | 'outcome' | 'explanation'>[] }) {
  const { t } = useI18n();
  return (
    <Table className="stack-table" data-testid="screening-lines">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('screening.column.criterion')}</Table.HeaderCell>
          <Table.HeaderCell>{t('screening.column.answer')}</Table.HeaderCell>
          <Table.HeaderCell>{t('screening.column.outcome')}</Table.HeaderCell>
          <Table.HeaderCell>{t('screening.column.explanation')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {lines.map((l) => (
          <Table.Row key={l.criterion}>
            <Table.Cell data-label={t('screening.column.criterion')}>{t(`screening.criterion.${l.criterion}`)}</Table.Cell>
            <Table.Cell data-label={t('screening.column.answer')}>{t(`screening.answer.${l.answer}`)}</Table.Cell>
            <Table.Cell data-label={t('screening.column.outcome')}>
              <Tag data-color={outcomeColour[l.outcome]} variant="outline">
                {t(`screening.outcome.${l.outcome}`)}
              </Tag>
            </Table.Cell>
            <Table.Cell data-label={t('screening.column.explanation')}>{t(l.explanation)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** A stored screening: result, who and when, the lines, exceptions and the justification. */
export function StoredScreening({ screening }: { screening: ScreeningOutput }) {
  const { t, locale } = useI18n();
  return (
    <div className="stack" data-testid="latest-screening">
      <div className="row" style={{ alignItems: 'center' }}>
        <Heading level={3} data-size="xs">
          {t('screening.result')}:
        </Heading>
        <ScreeningResultTag result={screening.result} />
      </div>
      <Paragraph data-size="sm">
        {t('screening.screenedBy', { date: formatDateTime(screening.screenedAt, locale), name: screening.screenedByName ?? '–' })}
      </Paragraph>
      <ScreeningLines lines={screening.lines as ScreeningLine[]} />
      {screening.justification && <Paragraph>{t('screening.justificationShown', { text: screening.justification })}</Paragraph>}
      {screening.note && <Paragraph>{t('screening.noteShown', { text: screening.note })}</Paragraph>}
    </div>
  );
}
