import type { ClaimReason } from "./enums.ts";
import type { PolicyDocument } from "./schema/document.ts";

/** L6-style intake: a mail subject that starts with a store's tag opens a claim with that reason. */
export function reasonFromSubject(policy: PolicyDocument, subject: string): ClaimReason | undefined {
  const trimmed = subject.trimStart();
  for (const rule of policy.intake) {
    if (trimmed.toLowerCase().startsWith(rule.subjectPrefix.toLowerCase())) return rule.reason;
  }
  return undefined;
}
