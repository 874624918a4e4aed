import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { templatePlaceholders, type SaveTemplateInput, type TemplateKey } from "../../shared/schemas/templates.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { messageTemplateOverrides, stores, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { recordAdminAudit } from "./admin-audit.ts";
import { sampleValues, templateFor, type MessageTemplate } from "./message-templates.ts";

/** The wording a store uses now for a situation: the admin's override if there is one, else the built-in default. */
export async function effectiveTemplate(db: DbOrTx, storeId: string, key: TemplateKey): Promise<MessageTemplate & { overridden: boolean }> {
  const [override] = await db
    .select({ subject: messageTemplateOverrides.subject, body: messageTemplateOverrides.body })
    .from(messageTemplateOverrides)
    .where(and(eq(messageTemplateOverrides.storeId, storeId), eq(messageTemplateOverrides.key, key)));
  return override ? { ...override, overridden: true } : { ...templateFor(key, storeId), overridden: false };
}

async function storeName(db: DbOrTx, storeId: string): Promise<string> {
  const [store] = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new TRPCError({ code: "NOT_FOUND", message: `There is no store "${storeId}".` });
  return store.name;
}

/** Which store × situation pairs carry an override: the editor marks them. */
export async function listTemplateOverrides(db: DbOrTx) {
  const rows = await db
    .select({ storeId: messageTemplateOverrides.storeId, key: messageTemplateOverrides.key, updatedAt: messageTemplateOverrides.updatedAt, updatedByName: users.name })
    .from(messageTemplateOverrides)
    .leftJoin(users, eq(users.id, messageTemplateOverrides.updatedById));
  return rows.map((r) => ({ ...r, key: r.key as TemplateKey }));
}

/** Everything the editor needs for one store × situation: current wording, the default to reset to, placeholders, sample values. */
export async function getTemplateForEdit(db: DbOrTx, storeId: string, key: TemplateKey) {
  const name = await storeName(db, storeId);
  const current = await effectiveTemplate(db, storeId, key);
  return {
    storeId,
    key,
    subject: current.subject,
    body: current.body,
    overridden: current.overridden,
    default: templateFor(key, storeId),
    placeholders: [...templatePlaceholders[key]],
    sample: sampleValues(key, name),
  };
}

/** Saves the admin's wording for a store × situation; the audit row commits with it (before and after, so it can be put back by hand). */
export async function saveTemplateOverride(db: Db, user: SessionUser, input: SaveTemplateInput & { key: TemplateKey }, now: Date) {
  await storeName(db, input.storeId);
  return db.transaction(async (tx) => {
    const before = await effectiveTemplate(tx, input.storeId, input.key);
    await tx
      .insert(messageTemplateOverrides)
      .values({ storeId: input.storeId, key: input.key, subject: input.subject, body: input.body, updatedById: user.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [messageTemplateOverrides.storeId, messageTemplateOverrides.key],
        set: { subject: input.subject, body: input.body, updatedById: user.id, updatedAt: now },
      });
    await recordAdminAudit(tx, {
      actorId: user.id,
      action: "template_saved",
      targetType: "template",
      targetId: `${input.storeId}/${input.key}`,
      data: { storeId: input.storeId, key: input.key, before: { subject: before.subject, body: before.body }, after: { subject: input.subject, body: input.body } },
      at: now,
    });
    return { storeId: input.storeId, key: input.key, overridden: true };
  });
}

/** Drops the override so the built-in default applies again (audited with the wording removed); with no override it changes and records nothing. */
export async function resetTemplateOverride(db: Db, user: SessionUser, ref: { storeId: string; key: TemplateKey }, now: Date) {
  await storeName(db, ref.storeId);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(messageTemplateOverrides)
      .where(and(eq(messageTemplateOverrides.storeId, ref.storeId), eq(messageTemplateOverrides.key, ref.key)))
      .returning({ subject: messageTemplateOverrides.subject, body: messageTemplateOverrides.body });
    if (removed.length === 0) return { storeId: ref.storeId, key: ref.key, overridden: false, changed: false };
    await recordAdminAudit(tx, {
      actorId: user.id,
      action: "template_reset",
      targetType: "template",
      targetId: `${ref.storeId}/${ref.key}`,
      data: { storeId: ref.storeId, key: ref.key, before: removed[0] },
      at: now,
    });
    return { storeId: ref.storeId, key: ref.key, overridden: false, changed: true };
  });
}

