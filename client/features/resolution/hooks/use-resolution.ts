import { useQuery } from "@tanstack/react-query";
import { checkTransition, type ClaimAction } from "@shared/workflow/machine.ts";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { useMe } from "@/lib/auth.tsx";
import { trpc } from "@/lib/trpc.ts";

/**
 * What the resolution section works from: the claim's resolution state, the policy document it was judged
 * by, the person, and which workflow actions the state machine allows them now (the server re-checks).
 */
export function useResolution({ claim, evaluation }: ClaimPageProps) {
  const me = useMe().data;
  const state = useQuery(trpc.resolution.getResolutionState.queryOptions({ number: claim.number }));
  const policy = useQuery({
    ...trpc.policy.getPolicyVersion.queryOptions({ storeId: claim.storeId, version: evaluation?.policyVersion.version }),
    enabled: !!evaluation,
    staleTime: Infinity,
  });
  const can = (action: ClaimAction) =>
    !!me &&
    !!state.data &&
    checkTransition(action, claim.status, {
      role: me.role,
      eligibility: (claim.eligibility ?? null) as "eligible" | "ineligible" | "needs_review" | null,
      hasException: state.data.exceptionReason !== null,
      assigneeId: claim.assigneeId,
      userId: me.id,
      reshipmentOwed: state.data.reshipmentOwed,
    }).ok;
  return { me, state: state.data, stateQuery: state, doc: policy.data?.document, can, isLead: me?.role === "supervisor" || me?.role === "admin" };
}

export type ResolutionContext = ReturnType<typeof useResolution>;
