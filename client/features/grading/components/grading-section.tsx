import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";

/** Per-line grading with a live refund preview (grading feature). */
export function GradingSection(_props: ClaimPageProps) {
  return null;
}
