import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { EvidenceCard } from "@/features/claims/components/evidence-card.tsx";

/** Evidence list, uploads and evidence requests (evidence feature). */
export function EvidenceSection({ claim }: ClaimPageProps) {
  return <EvidenceCard claim={claim} />;
}
