import { roleLabels, type Role } from "@shared/roles.ts";

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
    default:
      return "";
  }
}
