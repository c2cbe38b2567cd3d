import './stays.css';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDateTime } from '../../../platform/ui/format.ts';
import type { FireListOutput } from '../stays.schema.ts';

/** /brannliste — who is in the house right now, printable: house, time of printing, list, count. */
export function FireListPage() {
  const { t, locale } = useI18n();
  const list = useApi<FireListOutput>('/api/fire-list');
  const count = (n: number) => (n === 1 ? t('stays.fireList.countOne') : t('stays.fireList.count', { count: n }));

  return (
    <div className="stack fire-list-page">
      <div className="board-head">
        <Heading level={1} data-size="lg">
          {t('stays.fireList.title')}
        </Heading>
        <div className="board-actions no-print">
          <Button variant="secondary" onClick={() => void list.reload()} disabled={list.loading}>
            {t('stays.fireList.reload')}
          </Button>
          <Button onClick={() => window.print()} disabled={!list.data}>
            {t('app.print')}
          </Button>
        </div>
      </div>
      <Paragraph className="no-print">{t('stays.fireList.intro')}</Paragraph>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <Paragraph className="fire-list-count" role="status">
            {t('stays.fireList.printedAt', { at: formatDateTime(list.data.printedAt, locale) })} · {list.data.peopleCount === 1 ? t('stays.fireList.totalOne') : t('stays.fireList.total', { count: list.data.peopleCount })}
          </Paragraph>
          {list.data.houses.map((house) => (
            <section key={house.id} className="fire-list-house" aria-labelledby={`fire-${house.id}`}>
              <div>
                <Heading level={2} data-size="md" id={`fire-${house.id}`}>
                  {house.name}
                </Heading>
                <Paragraph>
                  {house.streetAddress}, {house.postalCode} {house.city}
                </Paragraph>
              </div>
              {house.residents.length === 0 ? (
                <Paragraph>{t('stays.fireList.empty')}</Paragraph>
              ) : (
                <div className="table-wrap">
                  <Table>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t('stays.fireList.room')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('stays.fireList.name')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('stays.fireList.partner')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {house.residents.map((r) => (
                        <Table.Row key={r.stayId}>
                          <Table.Cell>{r.roomName}</Table.Cell>
                          <Table.Cell>{r.personName}</Table.Cell>
                          <Table.Cell>{r.partnerName ?? '–'}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
              )}
              <Paragraph className="fire-list-count">{count(house.peopleCount)}</Paragraph>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
