import type { Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { hasPermission, requirePermission } from '../../platform/auth/permissions.ts';
import { recordAccess } from '../../platform/audit/audit.service.ts';
import { peopleError } from './people.errors.ts';
import * as pq from './people.queries.ts';
import * as q from './timeline.queries.ts';
import { osloDate, osloTime } from '../../platform/time/oslo.ts';
import type { TimelineEvent, TimelineOutput, TimelineSource } from './timeline.schema.ts';

// The resident's page as one story from referral to aftercare. Each part of the story is shown only
// to a role that may read that part anyway (the journal's sensitive entries only with
// journal:read:sensitive), and journal entries are told by date and type, never by their text.


// Within one day, events recorded with a date only are placed at midday, and equal times follow the
// order of the service's flow.
const rank: Record<string, number> = {
  'referral.received': 10,
  'referral.screened': 20,
  'referral.decided': 30,
  'offer.answered': 40,
  'stay.checked_in': 50,
  'stay.room_moved': 52,
  'agreement.created': 55,
  'agreement.signed': 56,
  'journal.entry': 60,
  'housing.application': 65,
  'help.application': 66,
  'stay.extended': 70,
  'stay.moved_out': 80,
  'aftercare.agreement': 85,
  'aftercare.follow_up': 90,
  'aftercare.meeting': 95,
};

type Draft = Omit<TimelineEvent, 'on' | 'at' | 'planned' | 'link'> & { when: Date | string; link?: string | null; planned?: boolean };

function toEvent(d: Draft): TimelineEvent & { sortKey: string } {
  const instant = d.when instanceof Date ? d.when : null;
  const on = instant ? osloDate(instant) : (d.when as string);
  const time = instant ? osloTime(instant) : '12:00:00';
  return {
    on,
    at: instant ? instant.toISOString() : null,
    kind: d.kind,
    source: d.source,
    label: d.label,
    params: d.params,
    link: d.link ?? null,
    planned: d.planned ?? false,
    sortKey: `${on} ${time} ${String(rank[d.kind] ?? 99).padStart(2, '0')}`,
  };
}

const permissionOf: Record<TimelineSource, string> = {
  referrals: 'referral:read',
  stays: 'stay:read',
  agreements: 'agreement:read',
  journal: 'journal:read',
  housing_search: 'housing_search:read',
  aftercare: 'aftercare:read',
};

/** GET /api/people/{id}/timeline: the person's story, oldest first; the read is logged. */
export async function getPersonTimeline(ctx: Ctx, personId: string): Promise<TimelineOutput> {
  const user = requirePermission(ctx, 'person:read');
  const may = (source: TimelineSource) => hasPermission(user, permissionOf[source]);
  const today = osloDate(ctx.now);
  return inTransaction(ctx, async (tx) => {
    if (!(await pq.findPerson(tx.db, user.tenantId, personId))) throw peopleError('person.not_found');
    const db = tx.db;
    const t = user.tenantId;
    const drafts: Draft[] = [];

    if (may('referrals')) {
      const referrals = await q.referralRows(db, t, personId);
      const ids = referrals.map((r) => r.id);
      for (const r of referrals) {
        drafts.push({ when: r.receivedAt, kind: 'referral.received', source: 'referrals', label: 'timeline.referral.received', params: {}, link: `/henvisninger/${r.id}` });
      }
      for (const s of await q.screeningRows(db, t, ids)) {
        drafts.push({
          when: s.screenedAt,
          kind: 'referral.screened',
          source: 'referrals',
          label: 'timeline.referral.screened',
          params: { result: `timeline.screening.${s.result}` },
          link: `/henvisninger/${s.referralId}`,
        });
      }
      for (const d of await q.decisionRows(db, t, ids)) {
        drafts.push({ when: d.decidedAt, kind: 'referral.decided', source: 'referrals', label: `timeline.decision.${d.outcome}`, params: {}, link: `/henvisninger/${d.referralId}/vedtak` });
      }
      for (const o of await q.offerRows(db, t, ids)) {
        if (o.status === 'open') continue;
        const when = o.respondedAt ?? o.expiresAt;
        drafts.push({ when, kind: 'offer.answered', source: 'referrals', label: `timeline.offer.${o.status}`, params: { room: o.roomName }, link: `/henvisninger/${o.referralId}/vedtak` });
      }
    }

    const staysOfPerson = may('stays') || may('agreements') ? await q.stayRows(db, t, personId) : [];
    const stayIds = staysOfPerson.map((s) => s.id);

    if (may('stays')) {
      const moves = await q.roomMoveRows(db, t, stayIds);
      const movedInto = new Set(moves.map((m) => m.toStayId));
      for (const s of staysOfPerson) {
        // A room move starts a new stay row; it is told as the move, not as a second check-in.
        if (movedInto.has(s.id)) continue;
        drafts.push({ when: s.checkedInAt, kind: 'stay.checked_in', source: 'stays', label: 'timeline.stay.checkedIn', params: { room: s.roomName } });
      }
      for (const m of moves) {
        drafts.push({ when: m.movedOn, kind: 'stay.room_moved', source: 'stays', label: 'timeline.stay.roomMoved', params: { from: m.fromRoom, to: m.toRoom } });
      }
      for (const e of await q.extensionRows(db, t, stayIds)) {
        drafts.push({ when: e.decidedAt, kind: 'stay.extended', source: 'stays', label: 'timeline.stay.extended', params: { date: e.newPlannedEndOn } });
      }
      for (const m of await q.moveOutRows(db, t, stayIds)) {
        drafts.push({ when: m.movedOutOn, kind: 'stay.moved_out', source: 'stays', label: 'timeline.stay.movedOut', params: { destination: `aftercare.destination.${m.destination}` } });
      }
    }

    if (may('agreements')) {
      for (const a of await q.agreementRows(db, t, stayIds)) {
        const link = `/opphold/${a.stayId}/avtale`;
        drafts.push({
          when: a.createdAt,
          kind: 'agreement.created',
          source: 'agreements',
          label: a.version === 1 ? 'timeline.agreement.created' : 'timeline.agreement.changed',
          params: { version: a.version },
          link,
        });
        if (a.signedOn) drafts.push({ when: a.signedOn, kind: 'agreement.signed', source: 'agreements', label: 'timeline.agreement.signed', params: { version: a.version }, link });
      }
    }

    if (may('journal')) {
      for (const j of await q.journalRows(db, t, personId, hasPermission(user, 'journal:read:sensitive'))) {
        drafts.push({
          when: j.occurredAt,
          kind: 'journal.entry',
          source: 'journal',
          label: j.correctsEntryId ? 'timeline.journal.correction' : j.isSensitive ? 'timeline.journal.sensitive' : 'timeline.journal.entry',
          params: { type: j.type === 'service_contact' && j.service ? `timeline.journalService.${j.service}` : `timeline.journalType.${j.type}` },
        });
      }
    }

    if (may('housing_search')) {
      for (const a of await q.housingApplicationRows(db, t, personId)) {
        drafts.push({ when: a.sentOn, kind: 'housing.application', source: 'housing_search', label: 'timeline.housing.sent', params: {} });
        if (a.status !== 'sent') {
          drafts.push({ when: a.statusChangedAt, kind: 'housing.application', source: 'housing_search', label: 'timeline.housing.status', params: { status: `timeline.housingStatus.${a.status}` } });
        }
      }
      for (const h of await q.helpApplicationRows(db, t, personId)) {
        const kind = `timeline.helpKind.${h.kind}`;
        drafts.push({ when: h.appliedOn ?? h.createdAt, kind: 'help.application', source: 'housing_search', label: 'timeline.help.applied', params: { kind } });
        if (h.decidedOn) {
          drafts.push({ when: h.decidedOn, kind: 'help.application', source: 'housing_search', label: 'timeline.help.decided', params: { kind, status: `timeline.helpStatus.${h.status}` } });
        }
      }
    }

    if (may('aftercare')) {
      for (const a of await q.aftercareAgreementRows(db, t, personId)) {
        drafts.push({
          when: a.createdAt,
          kind: 'aftercare.agreement',
          source: 'aftercare',
          label: a.contactPersonName ? 'timeline.aftercare.agreement' : 'timeline.aftercare.agreementNoContact',
          params: { from: a.startsOn, to: a.endsOn, contact: a.contactPersonName ?? '' },
        });
      }
      for (const f of await q.followUpRows(db, t, personId)) {
        if (f.doneOn) {
          drafts.push({
            when: f.doneOn,
            kind: 'aftercare.follow_up',
            source: 'aftercare',
            label: f.stillHoused ? 'timeline.aftercare.followUpHoused' : 'timeline.aftercare.followUpNotHoused',
            params: { months: f.monthsAfter },
            link: '/ettervern',
          });
        } else {
          drafts.push({
            when: f.dueOn,
            kind: 'aftercare.follow_up',
            source: 'aftercare',
            label: f.dueOn < today ? 'timeline.aftercare.followUpOverdue' : 'timeline.aftercare.followUpPlanned',
            params: { months: f.monthsAfter },
            link: '/ettervern',
            planned: true,
          });
        }
      }
      for (const m of await q.meetingRows(db, t, personId)) {
        drafts.push({ when: m.heldOn, kind: 'aftercare.meeting', source: 'aftercare', label: 'timeline.aftercare.meeting', params: {} });
      }
    }

    await recordAccess(tx, personId, 'follow_up', 'person.timeline');
    const events = drafts
      .map(toEvent)
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
      .map(({ sortKey: _sortKey, ...event }) => event);
    const hidden = (Object.keys(permissionOf) as TimelineSource[]).filter((s) => !may(s));
    return { personId, events, hidden };
  });
}
