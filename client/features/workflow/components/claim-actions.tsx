import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";

/** Status actions, assignment and priority for the claim (workflow feature). */
export function ClaimActions(_props: ClaimPageProps) {
  return null;
}
