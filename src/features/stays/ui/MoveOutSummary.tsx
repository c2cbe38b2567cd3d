import './moving-on.css';
import './stays.css';
import { useEffect, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { TableScroll } from '../../../platform/ui/TableScroll.tsx';
import { formatDate, formatDateTime } from '../../../platform/ui/format.ts';
import type { MoveOutOutput } from '../move-out.schema.ts';

/** What was recorded at move-out, shown after saving and whenever the stay's move-out is opened again. */
export function MoveOutSummary({ moveOut: m, household, personId, justRecorded }: { moveOut: MoveOutOutput; household: string; personId: string; justRecorded: boolean }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justRecorded) heading.current?.focus();
  }, [justRecorded]);
  const yesNo = (b: boolean) => (b ? t('app.yes') : t('app.no'));
  return (
    <section className="stack" aria-labelledby="move-out-summary">
      {justRecorded && (
        <Alert data-color="success">
          <Paragraph>{t('moveOut.done', { name: household })}</Paragraph>
          <Paragraph data-size="sm">{t('moveOut.doneRoom')}</Paragraph>
        </Alert>
      )}
      <Heading level={2} data-size="md" id="move-out-summary" ref={heading} tabIndex={-1}>
        {t('moveOut.summaryTitle')}
      </Heading>
      <dl className="facts">
        <dt>{t('moveOut.movedOutOn')}</dt>
        <dd>{formatDate(m.movedOutOn)}</dd>
        <dt>{t('moveOut.nights')}</dt>
        <dd>{m.nights}</dd>
        <dt>{t('moveOut.destination')}</dt>
        <dd>
          {t(`moveOut.destination.${m.destination}`)} ({t(`moveOut.group.${m.destinationGroup}`)}){m.destinationNote ? `: ${m.destinationNote}` : ''}
        </dd>
        <dt>{t('moveOut.wasPlanned')}</dt>
        <dd>{yesNo(m.wasPlanned)}</dd>
        <dt>{t('moveOut.keys')}</dt>
        <dd>
          {m.keysNotReturned.length === 0
            ? m.keysReturned
              ? t('moveOut.allKeysReturned')
              : t('moveOut.keysReturnedLater')
            : t('moveOut.keysNotReturned', { keys: m.keysNotReturned.map((k) => t('moveOut.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door}`) })).join(', ') })}
        </dd>
        <dt>{t('moveOut.roomCheckedShort')}</dt>
        <dd>{yesNo(m.roomChecked)}</dd>
        <dt>{t('moveOut.damageNotes')}</dt>
        <dd>{m.damageNotes ?? '–'}</dd>
        <dt>{t('moveOut.movingHelp')}</dt>
        <dd>{yesNo(m.movingHelp)}</dd>
        <dt>{t('moveOut.furnitureObtained')}</dt>
        <dd>{m.furnitureObtained ?? '–'}</dd>
        <dt>{t('moveOut.recorded')}</dt>
        <dd>
          {formatDateTime(m.recordedAt, locale)}
          {m.recordedByName ? `, ${m.recordedByName}` : ''}
        </dd>
      </dl>
      {m.inventory.length > 0 && (
        <TableScroll label={t('moveOut.inventory')}>
          <Table>
            <caption>{t('moveOut.inventory')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('moveOut.item')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moveOut.condition')}</Table.HeaderCell>
                <Table.HeaderCell>{t('moveOut.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {m.inventory.map((i) => (
                <Table.Row key={i.itemId}>
                  <Table.Cell>{i.name}</Table.Cell>
                  <Table.Cell>{t(`stays.condition.${i.condition}`)}</Table.Cell>
                  <Table.Cell>{i.note ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {m.belongings.length > 0 && (
        <div className="stack">
          <Heading level={3} data-size="xs">
            {t('moveOut.sectionBelongings')}
          </Heading>
          <ul>
            {m.belongings.map((b) => (
              <li key={b.id}>{t('moveOut.belongingsLine', { what: b.description, where: b.location, date: formatDate(b.keepUntilOn) })}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row no-print">
        <Link asChild>
          <RouterLink to="/">{t('moveOut.backToBoard')}</RouterLink>
        </Link>
        {can('room:read') && (
          <Link asChild>
            <RouterLink to="/hybler">{t('moveOut.toRooms')}</RouterLink>
          </Link>
        )}
        {can('person:read') && (
          <Link asChild>
            <RouterLink to={`/personer/${personId}`}>{t('moveOut.toPerson')}</RouterLink>
          </Link>
        )}
      </div>
    </section>
  );
}
