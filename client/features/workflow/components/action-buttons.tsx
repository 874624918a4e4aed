import { Ban, CircleX, Info } from "lucide-react";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";
import { Button } from "@/components/ui/button.tsx";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Described = RouterOutputs["workflow"]["listClaimActions"]["actions"][number];
type Blocked = RouterOutputs["workflow"]["listClaimActions"]["blocked"][number];

/** The one step forward gets the primary button; ending a claim is set apart, never the default. */
const forward: PlainAction[] = ["start_review", "evidence_received", "close", "reopen", "start_triage"];
const ending: PlainAction[] = ["reject_claim", "cancel"];

export function ActionButtons({ actions, disabled, onAction }: { actions: Described[]; disabled: boolean; onAction: (a: PlainAction, needsReason: boolean) => void }) {
  const plain = actions.filter((a) => a.plain) as (Described & { action: PlainAction })[];
  const moves = forward.flatMap((key) => plain.filter((a) => a.action === key));
  const ends = ending.flatMap((key) => plain.filter((a) => a.action === key));
  if (plain.length === 0) {
    return <p className="text-sm text-muted-foreground">No status change is open to you at this stage.</p>;
  }
  return (
    <div role="group" aria-label="Status changes" className="flex flex-wrap items-center gap-2">
      {moves.map((a, i) => (
        <Button key={a.action} size="sm" variant={i === 0 ? "default" : "outline"} disabled={disabled} onClick={() => onAction(a.action, a.needsReason)}>
          {a.label}
        </Button>
      ))}
      {ends.length > 0 && moves.length > 0 && <span className="mx-1 h-5 w-px bg-border" aria-hidden />}
      {ends.map((a) => (
        <Button
          key={a.action}
          size="sm"
          variant="ghost"
          className="text-muted-foreground hover:text-destructive"
          disabled={disabled}
          onClick={() => onAction(a.action, a.needsReason)}
        >
          {a.action === "cancel" ? <Ban aria-hidden /> : <CircleX aria-hidden />}
          {a.label}…
        </Button>
      ))}
    </div>
  );
}

/** Steps done in other sections of the page, and steps the policy holds back with the reason. */
export function ActionHints({ actions, blocked }: { actions: Described[]; blocked: Blocked[] }) {
  const elsewhere = actions.filter((a) => !a.plain);
  // An agent's missing "Reject" is a standing rule (docs/workflow.md), not news about this claim.
  const news = blocked.filter((b) => b.action !== "reject_claim");
  const reasons = [...new Set(news.map((b) => b.reason))];
  if (elsewhere.length === 0 && reasons.length === 0) return null;
  return (
    <div className="flex flex-col gap-1 px-1 text-xs text-muted-foreground">
      {elsewhere.length > 0 && <p>Also open to you in the sections below: {elsewhere.map((a) => a.label).join(", ")}.</p>}
      {reasons.map((reason) => (
        <p key={reason} className="flex items-start gap-1.5">
          <Info className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>
            <span className="font-medium text-foreground">{news.filter((b) => b.reason === reason).map((b) => b.label).join(", ")}</span>
            {" held back: "}
            {reason}
          </span>
        </p>
      ))}
    </div>
  );
}
