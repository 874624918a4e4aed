import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";

/** Choosing and carrying out a resolution: refunds, replacements, returns (resolution feature). */
export function ResolutionSection(_props: ClaimPageProps) {
  return null;
}
