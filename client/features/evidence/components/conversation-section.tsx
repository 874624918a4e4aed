import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";

/** Messages to and from the customer (evidence/messages feature). */
export function ConversationSection(_props: ClaimPageProps) {
  return null;
}
