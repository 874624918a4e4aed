import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, History, Pencil } from "lucide-react";
import { Link } from "react-router";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { RequireRole } from "@/lib/auth.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { policyPaths } from "../paths.ts";
import { CalendarCard } from "./calendar-card.tsx";
import { ClauseRules } from "./clause-rules.tsx";
import { VersionHistory } from "./version-history.tsx";

/** A store's policy as agents read it: clauses with their numbers, calendar and history; `version` shows a past one. */
export function StorePolicyView({ storeId, version }: { storeId: string; version?: number }) {
  const policy = useQuery(trpc.policy.getPolicyVersion.queryOptions({ storeId, version }));
  const params = useQuery(trpc.policy.listPolicyParameters.queryOptions({ storeId, version }));
  const versions = useQuery(trpc.policy.listPolicyVersions.queryOptions({ storeId }));
  if (policy.isError) throw policy.error;
  if (params.isError) throw params.error;
  if (!policy.data || !params.data) return <PolicySkeleton />;

  const shown = policy.data.version;
  const current = params.data.currentVersion;
  const storeClauses = policy.data.clauses.filter((c) => !c.crossCutting);
  const shared = policy.data.clauses.filter((c) => c.crossCutting);
  const known = new Set(policy.data.clauses.map((c) => c.id));
  // A parameter citing a clause outside the catalogue still shows, under its bare id.
  const orphans = [...new Set(params.data.parameters.map((p) => p.clause).filter((id) => !known.has(id)))];

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <div className="flex flex-col gap-3 border-b pb-4">
        <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground">
          <Link to={policyPaths.index}>
            <ChevronLeft aria-hidden /> Policies
          </Link>
        </Button>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">{policy.data.storeName} policy</h1>
          <Badge variant={shown === current ? "success" : "muted"}>
            Version {shown}
            {shown === current ? " · current" : ""}
          </Badge>
          <div className="flex-1" />
          <RequireRole roles={["admin"]}>
            <Button asChild size="sm" variant="outline">
              <Link to={policyPaths.edit(storeId)}>
                <Pencil aria-hidden /> Edit policy
              </Link>
            </Button>
          </RequireRole>
        </div>
        <p className="text-sm text-muted-foreground">
          {policy.data.note ?? "No note"} · {policy.data.createdBy ?? "Seeded"}, <time dateTime={new Date(policy.data.createdAt).toISOString()}>{formatDateTime(policy.data.createdAt)}</time>
        </p>
      </div>
      {shown !== current && (
        <Alert>
          <History aria-hidden />
          <AlertDescription>
            <span>
              This is version {shown}. Claims judged under it keep citing it; new claims use version {current}.{" "}
              <Link className="font-medium underline underline-offset-4" to={policyPaths.store(storeId)}>
                View the current version
              </Link>
            </span>
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <div className="flex min-w-0 flex-col gap-4">
          <Section title="Store clauses" description={`${policy.data.document.name}: the rule book with the values this version uses.`}>
            <ClauseRules clauses={storeClauses} parameters={params.data.parameters} />
          </Section>
          <Section title="Every store" description="Cross-cutting clauses and the grading tool.">
            <ClauseRules clauses={[...shared, ...orphans.map((id) => ({ id, summary: "" }))]} parameters={params.data.parameters} />
          </Section>
        </div>
        <div className="flex flex-col gap-4">
          <CalendarCard timeZone={params.data.timeZone} holidays={params.data.holidays} />
          {versions.data ? <VersionHistory storeId={storeId} versions={versions.data} shown={shown} /> : <Skeleton className="h-40" />}
        </div>
      </div>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{title}</CardTitle>
        <CardDescription className="text-xs">{description}</CardDescription>
      </CardHeader>
      <CardContent className="px-4">{children}</CardContent>
    </Card>
  );
}

function PolicySkeleton() {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6" aria-busy="true" aria-label="Loading policy">
      <Skeleton className="h-16" />
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <Skeleton className="h-96" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
