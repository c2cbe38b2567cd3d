import './journal.css';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../platform/ui/i18n-context.tsx';
import { useSession } from '../../../platform/ui/session-context.tsx';
import { api } from '../../../platform/ui/api.ts';
import type { OverdueByPersonOutput } from '../tasks.schema.ts';

// Every resident card on the board shows this note; one request serves them all. The answer is kept
// for a few seconds so the cards of one board share it, and a later visit to the board asks again.
const FRESH_MS = 5_000;
let shared: { at: number; counts: Promise<Map<string, number>> } | null = null;

function overdueCounts(): Promise<Map<string, number>> {
  if (!shared || Date.now() - shared.at > FRESH_MS) {
    const counts = api
      .get<OverdueByPersonOutput[]>('/api/tasks/overdue-by-person')
      .then((rows) => new Map(rows.map((r) => [r.personId, r.count])))
      // The board works without it: no note rather than an error on every card.
      .catch(() => new Map<string, number>());
    shared = { at: Date.now(), counts };
  }
  return shared.counts;
}

/** "N forfalte oppgaver" on a resident's card on the board, as text; nothing when none or no access to tasks. */
export function OverdueTasksNote({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const allowed = can('task:read');
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    void overdueCounts().then((counts) => {
      if (current) setCount(counts.get(personId) ?? 0);
    });
    return () => {
      current = false;
    };
  }, [allowed, personId]);

  if (count === 0) return null;
  return <p className="jr-board-overdue">{count === 1 ? t('tasks.onBoardOne') : t('tasks.onBoardMany', { count })}</p>;
}
