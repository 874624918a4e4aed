import { useQuery } from "@tanstack/react-query";
import { CircleDot, UserMinus, UserPlus } from "lucide-react";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";
import { CommandGroup, CommandItem } from "@/components/ui/command.tsx";
import { useMe } from "@/lib/auth.tsx";
import { trpc } from "@/lib/trpc.ts";
import { requestClaimAction } from "../lib/action-requests.ts";

/** The open claim's actions in the palette: exactly what its action bar offers this person. */
export function ClaimCommands({ number, onDone }: { number: string; onDone: () => void }) {
  const { data: me } = useMe();
  const available = useQuery(trpc.workflow.listClaimActions.queryOptions({ number }));
  const claim = useQuery(trpc.claims.getClaim.queryOptions({ number }));
  if (!available.data || !me) return null;
  const plain = available.data.actions.filter((a) => a.plain);
  const { assignment } = available.data;
  const canTake = assignment.assignTo === "self" || (assignment.assignTo === "anyone" && claim.data?.assigneeId !== me.id);
  const canDrop = assignment.canUnassign && claim.data?.assigneeId === me.id;
  if (plain.length === 0 && !canTake && !canDrop) return null;
  const ask = (request: Parameters<typeof requestClaimAction>[0]) => {
    onDone();
    // After the palette closes, so a reason dialog can take the focus.
    setTimeout(() => requestClaimAction(request), 0);
  };
  return (
    <CommandGroup heading={`This claim · ${number}`}>
      {plain.map((a) => (
        <CommandItem key={a.action} value={`${a.label} ${number}`} onSelect={() => ask({ number, kind: "transition", action: a.action as PlainAction })}>
          <CircleDot aria-hidden /> {a.label}
          {a.needsReason ? "…" : ""}
        </CommandItem>
      ))}
      {canTake && (
        <CommandItem value={`assign to me ${number}`} onSelect={() => ask({ number, kind: "assign_self" })}>
          <UserPlus aria-hidden /> Assign to me
        </CommandItem>
      )}
      {canDrop && (
        <CommandItem value={`unassign me ${number}`} onSelect={() => ask({ number, kind: "unassign_self" })}>
          <UserMinus aria-hidden /> Unassign me
        </CommandItem>
      )}
    </CommandGroup>
  );
}
