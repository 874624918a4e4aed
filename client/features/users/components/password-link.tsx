import { ShownOnceSecret } from "@/components/shown-once-secret.tsx";
import { formatDateTime } from "@/lib/format.ts";

/** The one-time link, shown once: the server keeps only its hash, so it can never be displayed again. */
export function PasswordLink({ path, expiresAt, name }: { path: string; expiresAt: Date; name: string }) {
  return (
    <ShownOnceSecret id="set-password-link" label="Set-password link" noun="link" value={`${window.location.origin}${path}`}>
      Copy this link now and send it to {name} privately. It will not be shown again; it works once and expires {formatDateTime(expiresAt)}.
    </ShownOnceSecret>
  );
}
