import { CheckCircle2, CircleAlert, XCircle } from "lucide-react";
import type { Decision } from "@shared/policy/index.ts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { cn } from "@/lib/utils.ts";

const looks = {
  eligible: { icon: CheckCircle2, title: "Eligible", tone: "border-success/30 bg-success-muted text-success" },
  needs_review: { icon: CircleAlert, title: "Needs review", tone: "border-warning/30 bg-warning-muted text-warning" },
  ineligible: { icon: XCircle, title: "Not eligible", tone: "border-destructive/30 bg-destructive-muted text-destructive" },
} as const;

export function EligibilityBanner({ decision, storeName, version }: { decision: Decision; storeName: string; version: number }) {
  const look = looks[decision.eligibility];
  const blocking = decision.findings.filter((f) => f.severity === "block").length;
  const warnings = decision.findings.filter((f) => f.severity === "warn").length;
  return (
    <Alert className={cn(look.tone)} role="status">
      <look.icon aria-hidden />
      <AlertTitle>{look.title}</AlertTitle>
      <AlertDescription>
        {storeName} policy, version {version}. {blocking ? `${blocking} blocking finding${blocking > 1 ? "s" : ""}. ` : ""}
        {warnings ? `${warnings} to review.` : blocking ? "" : "Nothing to review."}
      </AlertDescription>
    </Alert>
  );
}
