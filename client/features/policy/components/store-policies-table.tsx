import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table.tsx";
import { formatDate } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { policyPaths } from "../paths.ts";

/** The caller's stores with their current policy version; `editable` adds the admin's edit links. */
export function StorePoliciesTable({ editable = false }: { editable?: boolean }) {
  const stores = useQuery(trpc.policy.listStorePolicies.queryOptions());
  if (stores.isError) throw stores.error;
  if (!stores.data) return <Skeleton className="h-48" aria-label="Loading stores" />;
  if (stores.data.length === 0) return <p className="text-sm text-muted-foreground">You don't belong to any store yet.</p>;
  return (
    <Table aria-label="Store policies">
      <TableHeader>
        <TableRow>
          <TableHead>Store</TableHead>
          <TableHead className="w-24">Version</TableHead>
          <TableHead className="hidden md:table-cell">Last change</TableHead>
          <TableHead className="w-0 text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {stores.data.map((s) => (
          <TableRow key={s.storeId}>
            <TableCell>
              <Link to={policyPaths.store(s.storeId)} className="font-medium hover:underline">
                {s.name}
              </Link>
              <div className="text-xs text-muted-foreground">{s.sells}</div>
            </TableCell>
            <TableCell className="tabular-nums">v{s.version}</TableCell>
            <TableCell className="hidden max-w-80 md:table-cell">
              <div className="truncate">{s.note ?? "—"}</div>
              <div className="text-xs text-muted-foreground">
                {s.updatedBy ?? "Seeded"} · {formatDate(s.updatedAt)}
              </div>
            </TableCell>
            <TableCell className="text-right">
              <div className="flex justify-end gap-1">
                <Button asChild size="xs" variant="ghost">
                  <Link to={policyPaths.store(s.storeId)} aria-label={`View ${s.name} policy`}>View</Link>
                </Button>
                {editable && (
                  <Button asChild size="xs" variant="outline">
                    <Link to={policyPaths.edit(s.storeId)} aria-label={`Edit ${s.name} policy`}>Edit</Link>
                  </Button>
                )}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
