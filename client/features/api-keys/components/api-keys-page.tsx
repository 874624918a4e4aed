import { Suspense } from "react";
import { useQuery } from "@tanstack/react-query";
import { FileJson } from "lucide-react";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table.tsx";
import { formatDateTime, fromNow } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { lazyWithPreload } from "@/lib/lazy-with-preload.ts";
import { RevokeApiKeyButton } from "./revoke-api-key-button.tsx";

// The new-key form (react-hook-form, zod, ~40 KB gzip) loads beside the key list, not before it.
const CreateApiKeyDialog = lazyWithPreload(() => import("./create-api-key-dialog.tsx").then((m) => m.CreateApiKeyDialog));
void CreateApiKeyDialog.preload();

export function ApiKeysPage() {
  const keys = useQuery(trpc.apiKeys.listApiKeys.queryOptions());
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4 p-4 lg:p-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="text-xl font-semibold tracking-tight">Store API keys</h1>
          <p className="text-sm text-muted-foreground">
            Shops call <code className="font-mono text-xs">/api/v1</code> with a key of their store to sync orders and open claims.{" "}
            <a href="/api/openapi.json" className="inline-flex items-center gap-1 rounded-sm font-medium text-foreground underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring" target="_blank" rel="noreferrer">
              <FileJson className="size-3.5" aria-hidden /> OpenAPI document
            </a>
          </p>
        </div>
        <Suspense fallback={null}>
          <CreateApiKeyDialog />
        </Suspense>
      </div>
      <Card className="gap-0 py-0">
        <CardHeader className="sr-only">
          <CardTitle>Keys</CardTitle>
          <CardDescription>Every key ever created, newest first.</CardDescription>
        </CardHeader>
        <CardContent className="px-0">
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-4">Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Store</TableHead>
                <TableHead className="text-right">Limit / min</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="pr-4">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.isPending &&
                Array.from({ length: 3 }, (_, i) => (
                  <TableRow key={i}>
                    <TableCell colSpan={8} className="px-4">
                      <Skeleton className="h-5 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {keys.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8} className="py-10 text-center text-sm text-muted-foreground">
                    No keys yet. Create one for each shop system that should call the API.
                  </TableCell>
                </TableRow>
              )}
              {keys.data?.map((k) => (
                <TableRow key={k.id} className={k.revokedAt ? "text-muted-foreground" : undefined}>
                  <TableCell className="pl-4 font-medium">{k.name}</TableCell>
                  <TableCell className="font-mono text-xs">cdk_live_{k.prefix}_…</TableCell>
                  <TableCell>{k.storeName}</TableCell>
                  <TableCell className="text-right tabular-nums">{k.rateLimitPerMinute}</TableCell>
                  <TableCell title={formatDateTime(k.createdAt)}>
                    {formatDateTime(k.createdAt)}
                    {k.createdByName && <span className="block text-xs text-muted-foreground">by {k.createdByName}</span>}
                  </TableCell>
                  <TableCell title={k.lastUsedAt ? formatDateTime(k.lastUsedAt) : undefined}>{k.lastUsedAt ? fromNow(k.lastUsedAt) : "Never"}</TableCell>
                  <TableCell>
                    {k.revokedAt ? (
                      <Badge variant="muted" title={formatDateTime(k.revokedAt)}>
                        Revoked {formatDateTime(k.revokedAt)}
                      </Badge>
                    ) : (
                      <Badge variant="success">Active</Badge>
                    )}
                  </TableCell>
                  <TableCell className="pr-4 text-right">{!k.revokedAt && <RevokeApiKeyButton id={k.id} name={k.name} prefix={k.prefix} storeName={k.storeName} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {keys.isError && <p className="p-4 text-sm text-destructive">{keys.error.message}</p>}
        </CardContent>
      </Card>
    </div>
  );
}
