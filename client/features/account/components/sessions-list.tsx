import { useMutation, useQuery } from "@tanstack/react-query";
import { Laptop, LogOut } from "lucide-react";
import { toast } from "@/lib/toast.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { formatDateTime, fromNow } from "@/lib/format.ts";
import { queryClient, trpc } from "@/lib/trpc.ts";

/** A readable device name from the user agent; the raw string is in the title for the curious. */
function deviceOf(ua: string | null): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : ua.split(/[\s/]/)[0];
  const os = /Windows/.test(ua) ? "Windows" : /iPhone|iPad/.test(ua) ? "iOS" : /Android/.test(ua) ? "Android" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  return os ? `${browser} on ${os}` : browser!;
}

export function SessionsList() {
  const sessions = useQuery(trpc.auth.listSessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.auth.listSessions.queryFilter());
  const others = useMutation(
    trpc.auth.signOutOtherSessions.mutationOptions({
      onSuccess: (res) => {
        void refresh();
        toast.success(res.ended ? `Signed out of ${res.ended} other session${res.ended === 1 ? "" : "s"}` : "No other sessions were open");
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const one = useMutation(trpc.auth.signOutSession.mutationOptions({ onSuccess: () => void refresh(), onError: (e) => toast.error(e.message) }));
  const rows = sessions.data ?? [];

  return (
    <div className="grid gap-3">
      {sessions.isPending ? (
        <Skeleton className="h-24" />
      ) : (
        <ul className="divide-y rounded-md border" aria-label="Your sessions">
          {rows.map((s) => (
            <li key={s.id} className="flex items-center gap-3 px-3 py-2.5">
              <Laptop className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              <div className="min-w-0 flex-1">
                <div className="flex items-center gap-2 text-sm font-medium" title={s.userAgent ?? undefined}>
                  {deviceOf(s.userAgent)}
                  {s.current && <Badge variant="success">This device</Badge>}
                </div>
                <div className="text-xs text-muted-foreground">
                  {s.ip ?? "Unknown address"} · last seen <time dateTime={s.lastSeenAt.toISOString()} title={formatDateTime(s.lastSeenAt)}>{fromNow(s.lastSeenAt)}</time> · signed in {formatDateTime(s.createdAt)}
                </div>
              </div>
              {!s.current && (
                <Button variant="ghost" size="sm" disabled={one.isPending} onClick={() => one.mutate({ id: s.id })} aria-label={`Sign out ${deviceOf(s.userAgent)}, last seen ${fromNow(s.lastSeenAt)}`}>
                  <LogOut aria-hidden /> Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button variant="outline" size="sm" disabled={others.isPending || rows.length < 2} onClick={() => others.mutate()}>
          Sign out other sessions
        </Button>
      </div>
    </div>
  );
}
