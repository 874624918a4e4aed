import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { messages, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { getClaimRef } from "./claim-detail.ts";

export type MessageStatus = "outbox" | "sent" | "failed" | "received";

/** The claim's conversation with the customer, oldest first, as the conversation panel shows it. */
export async function listClaimMessages(db: DbOrTx, user: SessionUser, number: string) {
  const claim = await getClaimRef(db, user, number);
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      templateKey: messages.templateKey,
      fromAddress: messages.fromAddress,
      toAddress: messages.toAddress,
      subject: messages.subject,
      body: messages.body,
      status: messages.status,
      lastError: messages.lastError,
      sentAt: messages.sentAt,
      createdAt: messages.createdAt,
      createdByName: users.name,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.createdById))
    .where(eq(messages.claimId, claim.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => ({ ...r, direction: r.direction as "outbound" | "inbound", status: r.status as MessageStatus }));
}
