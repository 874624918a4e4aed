import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { AdminAuditAction, AdminAuditTarget } from "@shared/schemas/users.ts";
import { trpc } from "@/lib/trpc.ts";

// The shared lists sit beside the users' zod schemas: importing them would bring zod (~25 KB gzip) into this
// page's first load. `satisfies` fails the build if an action or target is added there and not here, or the reverse.
const knownActions = { user_created: true, user_updated: true, role_changed: true, memberships_changed: true, user_deactivated: true, user_reactivated: true, password_reset_issued: true, policy_version_created: true, totp_reset: true, template_saved: true, template_reset: true, api_key_created: true, api_key_revoked: true, orders_imported: true, daily_report_changed: true } satisfies Record<AdminAuditAction, true>;
const knownTargets = { user: true, store: true, policy: true, template: true, api_key: true, setting: true } satisfies Record<AdminAuditTarget, true>;
export const auditActions = Object.keys(knownActions) as AdminAuditAction[];
export const targetTypes = Object.keys(knownTargets) as AdminAuditTarget[];
export type AuditParams = { action: AdminAuditAction[]; actor: number | null; target: (typeof targetTypes)[number] | null; from: string; to: string; page: number };

const dateRe = /^\d{4}-\d{2}-\d{2}$/;

function parse(sp: URLSearchParams): AuditParams {
  const actor = Number(sp.get("actor"));
  const target = sp.get("target");
  return {
    action: (sp.get("action") ?? "").split(",").filter((a): a is AdminAuditAction => Object.hasOwn(knownActions, a)),
    actor: Number.isSafeInteger(actor) && actor > 0 ? actor : null,
    target: target === "user" || target === "policy" ? target : null,
    from: dateRe.test(sp.get("from") ?? "") ? sp.get("from")! : "",
    to: dateRe.test(sp.get("to") ?? "") ? sp.get("to")! : "",
    page: Math.max(1, Number(sp.get("page")) || 1),
  };
}

function toSearch(p: AuditParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.action.length) sp.set("action", p.action.join(","));
  if (p.actor) sp.set("actor", String(p.actor));
  if (p.target) sp.set("target", p.target);
  if (p.from) sp.set("from", p.from);
  if (p.to) sp.set("to", p.to);
  if (p.page > 1) sp.set("page", String(p.page));
  return sp;
}

/** Dates are the viewer's calendar days: "to" includes the whole of that day. */
const dayStart = (d: string) => new Date(`${d}T00:00:00`).toISOString();
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999`).toISOString();

export const PAGE_SIZE = 50;

export function useAuditQuery() {
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => parse(sp), [sp]);
  const input = useMemo(
    () => ({
      page: params.page,
      pageSize: PAGE_SIZE,
      filters: {
        action: params.action.length ? params.action : undefined,
        actorId: params.actor ?? undefined,
        targetType: params.target ?? undefined,
        from: params.from ? dayStart(params.from) : undefined,
        to: params.to ? dayEnd(params.to) : undefined,
      },
    }),
    [params],
  );
  const setParams = useCallback((patch: Partial<AuditParams>) => setSp(toSearch({ ...params, page: 1, ...patch }), { replace: true }), [params, setSp]);
  const query = useQuery({ ...trpc.users.listAdminAuditEvents.queryOptions(input), placeholderData: keepPreviousData });
  return { params, setParams, query };
}
