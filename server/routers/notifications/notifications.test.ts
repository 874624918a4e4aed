import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { notify, type NewNotification } from "../../services/notifications.ts";
import { callersFor } from "../../test/callers.ts";
import { openTestDatabase } from "../../test/database.ts";

const now = new Date("2026-11-20T15:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let database: Database;
let c: Awaited<ReturnType<typeof callersFor>>;

beforeAll(async () => {
  database = await openTestDatabase();
  c = await callersFor(database.db, later(60));
});
afterAll(() => database.close());

const note = (userId: number, n: number): NewNotification => ({
  userId, kind: "claim_assigned", claimId: null, claimNumber: `CLM-T${n}`, title: `Assigned to you (${n})`,
});

describe("notifications router", () => {
  it("lists only the caller's own, newest first, paged, with an unread filter and count", async () => {
    for (let n = 1; n <= 5; n++) await notify(database.db, [note(c.users.agent.id, n)], later(n));
    await notify(database.db, [note(c.users.supervisor.id, 99)], later(10));

    const first = await c.agent.notifications.list({ pageSize: 2 });
    expect(first).toMatchObject({ total: 5, unread: 5 });
    expect(first.rows.map((r) => r.claimNumber)).toEqual(["CLM-T5", "CLM-T4"]);
    expect((await c.agent.notifications.list({ page: 3, pageSize: 2 })).rows.map((r) => r.claimNumber)).toEqual(["CLM-T1"]);
    expect(await c.agent.notifications.unreadCount()).toEqual({ unread: 5 });
    expect((await c.supervisor.notifications.list({})).rows.map((r) => r.claimNumber)).toEqual(["CLM-T99"]);

    const [newest] = first.rows;
    await expect(c.agent.notifications.markRead({ ids: [newest!.id] })).resolves.toEqual({ unread: 4 });
    const unread = await c.agent.notifications.list({ unread: true });
    expect(unread.rows.map((r) => r.claimNumber)).toEqual(["CLM-T4", "CLM-T3", "CLM-T2", "CLM-T1"]);
    expect(unread).toMatchObject({ total: 4, unread: 4 });
    expect((await c.agent.notifications.list({})).rows[0]).toMatchObject({ claimNumber: "CLM-T5", readAt: later(60) });
  });

  it("answers NOT_FOUND for someone else's notification and marks nothing", async () => {
    const theirs = (await c.supervisor.notifications.list({})).rows[0]!;
    const mine = (await c.agent.notifications.list({ unread: true })).rows[0]!;
    await expect(c.agent.notifications.markRead({ ids: [mine.id, theirs.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.agent.notifications.markRead({ ids: [987654321] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await c.supervisor.notifications.list({})).rows[0]!.readAt).toBeNull();
    expect((await c.agent.notifications.list({ unread: true })).rows.map((r) => r.id)).toContain(mine.id);
  });

  it("marks all of the caller's read, and nobody else's", async () => {
    await expect(c.agent.notifications.markAllRead()).resolves.toEqual({ marked: 4, unread: 0 });
    expect(await c.agent.notifications.unreadCount()).toEqual({ unread: 0 });
    expect(await c.supervisor.notifications.unreadCount()).toEqual({ unread: 1 });
  });

  it("is for signed-in people only", async () => {
    await expect(c.anonymous.notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(c.anonymous.notifications.markAllRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
