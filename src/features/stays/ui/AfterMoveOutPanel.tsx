import './moving-on.css';
import { useState } from 'react';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useApi } from '../../../platform/ui/use-api.ts';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api, ApiError } from '../../../platform/ui/api.ts';
import { ErrorAlert, Loading } from '../../../platform/ui/Feedback.tsx';
import { formatDate } from '../../../platform/ui/format.ts';
import type { KeysNotReturnedOutput } from '../move-out.schema.ts';
import type { OverdueBelongingsOutput } from '../belongings.schema.ts';
import { ClosedRecordTag } from '../../privacy/ui/ClosedRecordTag.tsx';

/** The board's "after move-out" list: keys not handed back, and belongings kept past their day. */
export function AfterMoveOutPanel() {
  const { t } = useI18n();
  const { can } = useSession();
  const keys = useApi<KeysNotReturnedOutput>('/api/keys/not-returned');
  const belongings = useApi<OverdueBelongingsOutput>('/api/belongings/past-keep-until');
  const [returnError, setReturnError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function markReturned(keyId: string) {
    setBusy(keyId);
    try {
      await api.post(`/api/keys/${keyId}/return`);
      setReturnError(null);
      await keys.reload();
    } catch (err) {
      setReturnError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setBusy(null);
    }
  }

  const empty = keys.data?.length === 0 && belongings.data?.items.length === 0;
  return (
    <section className="board-section" aria-labelledby="board-after-move-out">
      <Heading level={2} data-size="sm" id="board-after-move-out">
        {t('moveOut.board.title')}
      </Heading>
      {(!keys.data && !keys.error) || (!belongings.data && !belongings.error) ? <Loading /> : null}
      {keys.error && <ErrorAlert error={keys.error} />}
      {returnError && <ErrorAlert error={returnError} />}
      {empty && <Paragraph>{t('moveOut.board.nothing')}</Paragraph>}
      {keys.data && keys.data.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t('moveOut.board.keysNotReturned')}
          </Heading>
          {can('key:manage') && (
            <Paragraph data-size="sm">
              <Link asChild>
                <RouterLink to="/nokler">{t('keys.register')}</RouterLink>
              </Link>
            </Paragraph>
          )}
          <ul className="board-list">
            {keys.data.map((k) => {
              const key = t('moveOut.keyLabel', { number: k.keyNumber, door: t(`stays.door.${k.door}`) });
              return (
                <li key={k.keyId}>
                  <span className="who">
                    {key}
                    {k.roomName && k.door === 'room' ? `, ${t('stays.board.room', { name: k.roomName })}` : ''}
                    <br />
                    {k.recordClosed ? (
                      <span className="board-muted">
                        {k.personName} <ClosedRecordTag />
                      </span>
                    ) : (
                      <span className="board-muted">{t('moveOut.board.heldBy', { name: k.personName, date: formatDate(k.endedOn) })}</span>
                    )}
                  </span>
                  {can('key:manage') && (
                    <Button variant="secondary" data-size="sm" disabled={busy === k.keyId} onClick={() => void markReturned(k.keyId)} aria-label={t('moveOut.board.markReturnedNamed', { key })}>
                      {t('moveOut.board.markReturned')}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {belongings.error && <ErrorAlert error={belongings.error} />}
      {belongings.data && belongings.data.items.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t('moveOut.board.belongingsPastKeepUntil')}
          </Heading>
          <ul className="board-list">
            {belongings.data.items.map((b) => (
              <li key={b.id}>
                {!b.recordClosed && <span className="when">{formatDate(b.keepUntilOn)}</span>}
                <span className="who">
                  {!b.recordClosed && (
                    <>
                      {b.description}
                      <br />
                    </>
                  )}
                  <span className="board-muted">
                    {can('person:read') ? (
                      <Link asChild>
                        <RouterLink to={`/personer/${b.personId}`}>{b.personName}</RouterLink>
                      </Link>
                    ) : (
                      b.personName
                    )}
                    {b.location && ` · ${b.location}`}
                    {b.recordClosed && (
                      <>
                        {' '}
                        <ClosedRecordTag />
                      </>
                    )}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
