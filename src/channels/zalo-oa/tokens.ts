/**
 * The OA's access token, kept in the database (one row, seeded from the settings) and refreshed
 * once for everyone: in this process one refresh at a time, across instances a row lock held for
 * the refresh. The refresh token is single-use, so the new pair is committed before the new access
 * token is handed out; an instance that waited on the lock finds the new pair and uses it.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { zaloOaTokens } from '../../db/schema.js';
import { refreshTokens } from './api.js';

/** Refreshed ahead of its end when less than this is left (tokens live 25 h). */
export const REFRESH_AHEAD_MS = 3600 * 1000;

const ROW = 1;

export interface OaTokenSettings {
  appId: string;
  /** Needed to refresh; without it the first token serves until it expires. */
  appSecret: string | null;
  accessToken: string;
  refreshToken: string | null;
  oauthRoot: string;
}

export class OaTokens {
  private refreshing: Promise<string> | null = null;
  /** Seeded once a process: an instance still on older settings must not undo, call after call, the tokens another refreshed. */
  private seeded: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly settings: OaTokenSettings,
    /** Real time: the token's life is counted by Zalo's clock, not by the app's. */
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The row, written from the settings on the first start; a later start keeps the rotated tokens,
   * unless the settings hold other tokens than those it started from (an admin authorised again).
   */
  async seed() {
    const read = async () => (await this.db.select().from(zaloOaTokens).where(eq(zaloOaTokens.id, ROW)))[0];
    const seededFrom = createHash('sha256').update(this.settings.accessToken).digest('hex');
    const row = await read();
    if (row?.seededFrom === seededFrom) return row;
    const fromSettings = { accessToken: this.settings.accessToken, refreshToken: this.settings.refreshToken, expiresAt: null, seededFrom, updatedAt: new Date(this.now()) };
    await this.db
      .insert(zaloOaTokens)
      .values({ id: ROW, ...fromSettings })
      .onConflictDoUpdate({ target: zaloOaTokens.id, set: fromSettings, setWhere: sql`${zaloOaTokens.seededFrom} <> ${seededFrom}` });
    const seeded = await read();
    if (!seeded) throw new Error('zalo_oa_tokens: seeding wrote no row');
    return seeded;
  }

  private async row() {
    this.seeded ??= this.seed().catch((error: unknown) => {
      this.seeded = null;
      throw error;
    });
    await this.seeded;
    const [row] = await this.db.select().from(zaloOaTokens).where(eq(zaloOaTokens.id, ROW));
    if (!row) throw new Error('zalo_oa_tokens: no row');
    return row;
  }

  /** The token to call with, refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const row = await this.row();
    const left = row.expiresAt ? row.expiresAt.getTime() - this.now() : Infinity;
    if (left < REFRESH_AHEAD_MS && row.refreshToken && this.settings.appSecret) {
      try {
        return await this.refresh(row.accessToken);
      } catch (error) {
        // A token with time left still works: the next call tries the refresh again.
        if (left > 0) return row.accessToken;
        throw error;
      }
    }
    return row.accessToken;
  }

  /** A token other than `stale`: the one another caller just got, or a new one. */
  refresh(stale: string): Promise<string> {
    this.refreshing ??= this.refreshOnce(stale).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refreshOnce(stale: string): Promise<string> {
    await this.row();
    const { appSecret } = this.settings;
    return await this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(zaloOaTokens).where(eq(zaloOaTokens.id, ROW)).for('update');
      if (!row) throw new Error('zalo_oa_tokens: no row');
      if (row.accessToken !== stale) return row.accessToken;
      if (!row.refreshToken || !appSecret) throw new Error('Zalo OA access token refused and cannot be refreshed: ZALO_OA_REFRESH_TOKEN or ZALO_OA_APP_SECRET is missing');
      const fresh = await refreshTokens(this.settings.oauthRoot, { appId: this.settings.appId, appSecret }, row.refreshToken);
      await tx
        .update(zaloOaTokens)
        .set({ accessToken: fresh.accessToken, refreshToken: fresh.refreshToken, expiresAt: new Date(this.now() + fresh.expiresInSeconds * 1000), updatedAt: new Date(this.now()) })
        .where(eq(zaloOaTokens.id, ROW));
      return fresh.accessToken;
    });
  }
}
