import { ChevronLeft } from "lucide-react";
import { Link } from "react-router";
import { waitingOnCustomer } from "@shared/workflow/statuses.ts";
import { Button } from "@/components/ui/button.tsx";
import { formatDateTime, fromNow, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { ClaimStatusBadge } from "./claim-status-badge.tsx";
import { DueLabel } from "./due-label.tsx";
import { PriorityLabel } from "./priority-badge.tsx";

type Claim = RouterOutputs["claims"]["getClaim"];

export function ClaimHeader({ claim }: { claim: Claim }) {
  return (
    <div className="flex flex-col gap-3 border-b pb-4">
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground">
        <Link to={paths.queue}>
          <ChevronLeft aria-hidden /> Queue
        </Link>
      </Button>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight tabular-nums">{claim.number}</h1>
        <ClaimStatusBadge status={claim.status} />
        {claim.priority !== "normal" && <PriorityLabel priority={claim.priority} />}
        {claim.exceptionReason && (
          <Badge variant="warning" title={`Exception: ${claim.exceptionReason}`}>
            Exception
          </Badge>
        )}
        <span className="text-sm text-muted-foreground">
          {claim.storeName} · {humanize(claim.reason)}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-muted-foreground">Reported</dt>
          <dd className="tabular-nums">{formatDateTime(claim.reportedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Last change</dt>
          <dd title={formatDateTime(claim.updatedAt)}>{fromNow(claim.updatedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Next due</dt>
          <dd>
            {waitingOnCustomer.includes(claim.status) ? (
              <span className="text-muted-foreground">Paused: waiting on the customer</span>
            ) : (
              <DueLabel dueAt={claim.dueAt} />
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Eligibility</dt>
          <dd>{claim.eligibility ? humanize(claim.eligibility) : <span className="text-muted-foreground">Not evaluated</span>}</dd>
        </div>
      </dl>
      {claim.summary && (
        <p className="max-w-prose text-sm whitespace-pre-line text-foreground/90">
          <span className="sr-only">What the customer reported: </span>
          {claim.summary}
        </p>
      )}
    </div>
  );
}
