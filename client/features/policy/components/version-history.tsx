import { Link } from "react-router";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { formatDateTime } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { cn } from "@/lib/utils.ts";
import { policyPaths } from "../paths.ts";

type Version = RouterOutputs["policy"]["listPolicyVersions"][number];

/** Every saved version, newest first: what changed (note), who and when. */
export function VersionHistory({ storeId, versions, shown }: { storeId: string; versions: readonly Version[]; shown: number }) {
  const current = versions[0]?.version;
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Version history</CardTitle>
      </CardHeader>
      <CardContent className="px-2">
        <ol aria-label="Version history" className="grid gap-0.5">
          {versions.map((v) => (
            <li key={v.id}>
              <Link
                to={policyPaths.store(storeId, v.version === current ? undefined : v.version)}
                aria-current={v.version === shown ? "page" : undefined}
                className={cn(
                  "grid grid-cols-[2.25rem_1fr] gap-x-2 rounded-md px-2 py-2 text-sm outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
                  v.version === shown && "bg-accent",
                )}
              >
                <span className="font-mono text-xs font-medium leading-5 tabular-nums">v{v.version}</span>
                <span className="min-w-0">
                  <span className="block truncate">{v.note ?? "No note"}</span>
                  <span className="block text-xs text-muted-foreground">
                    {v.createdBy ?? "Seeded"} · <time dateTime={new Date(v.createdAt).toISOString()}>{formatDateTime(v.createdAt)}</time>
                    {v.version === current && " · current"}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
