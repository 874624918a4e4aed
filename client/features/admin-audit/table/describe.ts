import { roleLabels, type Role } from "@shared/roles.ts";
import { humanize } from "@/lib/format.ts";

type Event = { action: string; data: Record<string, unknown> };
const list = (v: unknown) => (Array.isArray(v) && v.length ? v.join(", ") : "none");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const role = (r: unknown) => roleLabels[r as Role] ?? String(r);

/** One line a person can read for each audited action; the raw data stays in the row for exports. */
export function describeAuditEvent({ action, data }: Event): string {
  const consequences = () => {
    const claims = Array.isArray(data.returnedClaims) ? data.returnedClaims.length : 0;
    const sessions = Number(data.sessionsEnded ?? 0);
    const parts = [sessions ? `${plural(sessions, "session")} ended` : "", claims ? `${plural(claims, "claim")} returned to the queue` : ""].filter(Boolean);
    return parts.length ? ` · ${parts.join(", ")}` : "";
  };
  switch (action) {
    case "user_created":
      return `${data.name} as ${role(data.role)}; stores: ${list(data.storeIds)}`;
    case "user_updated": {
      const b = data.before as { name?: string } | undefined;
      const a = data.after as { name?: string } | undefined;
      return `${b?.name !== a?.name ? `Renamed ${b?.name} → ${a?.name}` : "Saved"}${consequences()}`;
    }
    case "role_changed":
      return `${role(data.from)} → ${role(data.to)}`;
    case "memberships_changed":
      return `Added: ${list(data.added)}; removed: ${list(data.removed)}`;
    case "user_deactivated":
      return `Deactivated${consequences()}`;
    case "user_reactivated":
      return "Can sign in again";
    case "password_reset_issued":
      return `New set-password link${consequences()}`;
    case "totp_reset":
      return `Two-factor reset for ${data.email}: they set it up again at their next sign-in`;
    case "policy_version_created":
      return `${data.storeId} v${data.version}: ${data.note ?? ""}`;
    case "template_saved":
      return `${data.storeId} · ${humanize(String(data.key))}: new wording`;
    case "template_reset":
      return `${data.storeId} · ${humanize(String(data.key))}: back to the default wording`;
    case "api_key_created":
      return `Key ${data.prefix}… "${data.name}" for ${data.storeId}, ${data.rateLimitPerMinute} requests a minute`;
    case "api_key_revoked":
      return `Key ${data.prefix}… of ${data.storeId} revoked`;
    case "orders_imported":
      return `${plural(Number(data.created ?? 0), "order")} created, ${Number(data.updated ?? 0)} updated from CSV${Number(data.skippedRows ?? 0) ? `; ${plural(Number(data.skippedRows), "row")} skipped` : ""}`;
    case "daily_report_changed": {
      const v = data.after as { enabled?: boolean; folder?: string; hourUtc?: number } | undefined;
      return v?.enabled ? `Daily refunds report on: ${String(v.hourUtc).padStart(2, "0")}:00 UTC into ${v.folder}` : "Daily refunds report off";
    }
    default:
      return "";
  }
}
