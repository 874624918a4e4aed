import { useQuery } from "@tanstack/react-query";
import { Check, ChevronsUpDown, UserMinus, UserPlus } from "lucide-react";
import { useState } from "react";
import { roleLabels } from "@shared/roles.ts";
import { Button } from "@/components/ui/button.tsx";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandSeparator } from "@/components/ui/command.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { cn } from "@/lib/utils.ts";

type Assignment = RouterOutputs["workflow"]["listClaimActions"]["assignment"];

type Props = {
  number: string;
  assigneeId: number | null;
  assigneeName: string | null;
  meId: number;
  assignment: Assignment;
  disabled: boolean;
  onAssign: (assigneeId: number | null) => void;
};

/**
 * Supervisors pick anyone who works the claim's store; an agent gets "Assign to me" on an unassigned
 * claim and "Unassign me" on their own, and otherwise just sees who has it.
 */
export function AssigneePicker(props: Props) {
  const { assignment, assigneeName, meId, assigneeId, disabled, onAssign } = props;
  if (assignment.assignTo === "anyone") return <AnyonePicker {...props} />;
  return (
    <div className="flex items-center gap-2">
      <span className={cn("text-sm", !assigneeName && "text-muted-foreground")}>
        <span className="sr-only">Assignee: </span>
        {assigneeName ?? "Unassigned"}
      </span>
      {assignment.assignTo === "self" && (
        <Button size="xs" variant="outline" disabled={disabled} onClick={() => onAssign(meId)}>
          <UserPlus aria-hidden /> Assign to me
        </Button>
      )}
      {assignment.canUnassign && assigneeId === meId && (
        <Button size="xs" variant="ghost" disabled={disabled} onClick={() => onAssign(null)}>
          <UserMinus aria-hidden /> Unassign me
        </Button>
      )}
    </div>
  );
}

function AnyonePicker({ number, assigneeId, assigneeName, meId, assignment, disabled, onAssign }: Props) {
  const [open, setOpen] = useState(false);
  const people = useQuery({ ...trpc.workflow.listClaimAssignees.queryOptions({ number }), enabled: open, staleTime: 60_000 });
  const pick = (id: number | null) => {
    setOpen(false);
    if (id !== assigneeId) onAssign(id);
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 w-48 justify-between font-normal" disabled={disabled} aria-label={`Assignee: ${assigneeName ?? "Unassigned"}. Change`}>
          <span className={cn("truncate", !assigneeName && "text-muted-foreground")}>{assigneeName ?? "Unassigned"}</span>
          <ChevronsUpDown className="opacity-50" aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-64 p-0" align="end">
        <Command>
          <CommandInput placeholder="Find a colleague…" aria-label="Find a colleague" />
          <CommandList className="max-h-72">
            <CommandEmpty>{people.isPending ? "Loading colleagues…" : "Nobody by that name works this store."}</CommandEmpty>
            <CommandGroup>
              {assigneeId !== meId && (
                <CommandItem value="assign to me" onSelect={() => pick(meId)}>
                  <UserPlus aria-hidden /> Assign to me
                </CommandItem>
              )}
              {assignment.canUnassign && (
                <CommandItem value="unassign nobody" onSelect={() => pick(null)}>
                  <UserMinus aria-hidden /> Unassign
                </CommandItem>
              )}
            </CommandGroup>
            <CommandSeparator />
            <CommandGroup heading="Works this store">
              {(people.data ?? []).map((p) => (
                <CommandItem key={p.id} value={`${p.name} ${p.id}`} onSelect={() => pick(p.id)}>
                  <Check className={cn(p.id === assigneeId ? "opacity-100" : "opacity-0")} aria-hidden />
                  <span className="truncate">{p.name}</span>
                  {p.id === assigneeId && <span className="sr-only">(current assignee)</span>}
                  <span className="ml-auto text-xs text-muted-foreground">{roleLabels[p.role]}</span>
                </CommandItem>
              ))}
            </CommandGroup>
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
