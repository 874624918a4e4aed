import { Suspense } from "react";
import { useQuery } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import { Link } from "react-router";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { Button } from "@/components/ui/button.tsx";
import { trpc } from "@/lib/trpc.ts";
import { policyPaths } from "../paths.ts";
import { lazyWithPreload } from "@/lib/lazy-with-preload.ts";

// The form (react-hook-form, zod, the policy engine's parameter checks) loads beside the two queries below
// instead of before they are sent.
const PolicyEditorForm = lazyWithPreload(() => import("./policy-editor-form.tsx").then((m) => m.PolicyEditorForm));
void PolicyEditorForm.preload();

/** Loads the store's current version and hands it to the form; a newer version remounts the form from it. */
export function PolicyEditor({ storeId }: { storeId: string }) {
  const policy = useQuery(trpc.policy.getPolicyVersion.queryOptions({ storeId }));
  const params = useQuery(trpc.policy.listPolicyParameters.queryOptions({ storeId }));
  if (policy.isError) throw policy.error;
  if (params.isError) throw params.error;

  const loading = (
    <div className="grid gap-4 lg:grid-cols-[1fr_360px]" aria-busy="true" aria-label="Loading policy">
      <Skeleton className="h-[32rem]" />
      <Skeleton className="h-64" />
    </div>
  );
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <div className="flex flex-col gap-3 border-b pb-4">
        <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground">
          <Link to={policyPaths.store(storeId)}>
            <ChevronLeft aria-hidden /> Store policy
          </Link>
        </Button>
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Edit policy{policy.data ? `: ${policy.data.storeName}` : ""}</h1>
          {params.data && (
            <p className="text-sm text-muted-foreground">
              Editing version {params.data.version}. Saving creates version {params.data.version + 1}; new claims are judged by it, claims already judged keep theirs.
            </p>
          )}
        </div>
      </div>
      {policy.data && params.data ? (
        <Suspense fallback={loading}>
          <PolicyEditorForm
            key={params.data.version}
            storeName={policy.data.storeName}
            clauseSummaries={new Map(policy.data.clauses.map((c) => [c.id, c.summary]))}
            source={{ storeId, version: params.data.version, timeZone: params.data.timeZone, holidays: params.data.holidays, parameters: params.data.parameters }}
          />
        </Suspense>
      ) : (
        loading
      )}
    </div>
  );
}
