/**
 * Who received a published period: per unit, messages sent, waiting, failed, blocked, outside the
 * channel's messaging window (named, so someone can ask those users to write) and acknowledged.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { chats, outbox, publications, units } from '../db/schema.js';
import type { PublicationRow } from './publication.js';

export interface DeliveryCounts {
  chats: number;
  sent: number;
  pending: number;
  failed: number;
  blocked: number;
  /** Not sent because the user has not written within the channel's window (Zalo OA: 7 days). */
  outsideWindow: number;
  acknowledged: number;
}

/** A chat the card could not reach for the messaging window; `waiting` when it goes out on their next message. */
export interface OutsideWindowChat {
  unit: string;
  channel: string;
  externalId: string;
  title: string | null;
  waiting: boolean;
}

export interface UnitDelivery extends DeliveryCounts {
  unitId: number;
  unit: string;
}

export interface DeliveryReport {
  publication: PublicationRow;
  units: UnitDelivery[];
  totals: DeliveryCounts & { units: number };
  outsideWindow: OutsideWindowChat[];
}

const count = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})::int`;

export async function deliveryReport(db: Db, period: string): Promise<DeliveryReport | null> {
  const [publication] = await db.select().from(publications).where(eq(publications.period, period));
  if (!publication || publication.status !== 'published') return null;
  const rows = await db
    .select({
      unitId: units.id,
      unit: units.name,
      chats: sql<number>`count(*)::int`,
      sent: count(sql`${outbox.status} = 'sent'`),
      pending: count(sql`${outbox.status} in ('pending', 'sending')`),
      failed: count(sql`${outbox.status} = 'failed'`),
      blocked: count(sql`${outbox.status} = 'blocked'`),
      outsideWindow: count(sql`${outbox.status} in ('outside-window', 'waiting')`),
      acknowledged: count(sql`${outbox.acknowledgedAt} is not null`),
    })
    .from(outbox)
    .innerJoin(units, eq(units.id, outbox.unitId))
    .where(eq(outbox.publicationId, publication.id))
    .groupBy(units.id, units.name)
    .orderBy(units.name);
  const sum = (key: keyof DeliveryCounts) => rows.reduce((n, r) => n + r[key], 0);
  const outsideWindow = await db
    .select({ unit: units.name, channel: chats.channel, externalId: chats.externalId, title: chats.title, waiting: sql<boolean>`${outbox.status} = 'waiting'` })
    .from(outbox)
    .innerJoin(units, eq(units.id, outbox.unitId))
    .innerJoin(chats, eq(chats.id, outbox.chatId))
    .where(and(eq(outbox.publicationId, publication.id), inArray(outbox.status, ['outside-window', 'waiting'])))
    .orderBy(units.name, chats.id);
  return {
    publication,
    units: rows,
    totals: {
      units: rows.length,
      chats: sum('chats'),
      sent: sum('sent'),
      pending: sum('pending'),
      failed: sum('failed'),
      blocked: sum('blocked'),
      outsideWindow: sum('outsideWindow'),
      acknowledged: sum('acknowledged'),
    },
    outsideWindow,
  };
}

/** "Đã nhận" on a published card: recorded once, with its time. */
export async function acknowledge(db: Db, period: string, chat: Pick<ChatAddress, 'channel' | 'externalId'>): Promise<'recorded' | 'already' | 'unknown'> {
  const [row] = await db.select({ id: chats.id }).from(chats).where(and(eq(chats.channel, chat.channel), eq(chats.externalId, chat.externalId)));
  const [publication] = await db.select({ id: publications.id }).from(publications).where(eq(publications.period, period));
  if (!row || !publication) return 'unknown';
  const publicationId = publication.id;
  const updated = await db
    .update(outbox)
    .set({ acknowledgedAt: sql`now()` })
    .where(and(eq(outbox.publicationId, publicationId), eq(outbox.chatId, row.id), sql`${outbox.acknowledgedAt} is null`))
    .returning({ id: outbox.id });
  if (updated.length > 0) return 'recorded';
  const [seen] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.publicationId, publicationId), eq(outbox.chatId, row.id), isNotNull(outbox.acknowledgedAt)));
  return seen ? 'already' : 'unknown';
}
