import { statusLabels, type ClaimStatus } from "@shared/workflow/statuses.ts";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";

const variants: Record<ClaimStatus, BadgeVariant> = {
  new: "info",
  triage: "info",
  awaiting_evidence: "warning",
  in_review: "secondary",
  awaiting_return: "warning",
  inspecting: "secondary",
  resolution_proposed: "secondary",
  awaiting_approval: "warning",
  approved: "success",
  refunded: "success",
  replacement_shipped: "success",
  closed: "muted",
  rejected: "destructive",
  cancelled: "muted",
};

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return <Badge variant={variants[status]}>{statusLabels[status]}</Badge>;
}
