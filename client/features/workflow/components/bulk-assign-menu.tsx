import { useQuery } from "@tanstack/react-query";
import { ChevronDown, UserMinus, UserPlus, UserRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandSeparator } from "@/components/ui/command.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import type { Me } from "@/lib/auth.tsx";
import { trpc } from "@/lib/trpc.ts";

/** Agents take the selection themselves; supervisors and admins pick anyone (each claim checks its store). */
export function BulkAssignMenu({ me, disabled, onAssign }: { me: Me; disabled: boolean; onAssign: (assigneeId: number | null) => void }) {
  const [open, setOpen] = useState(false);
  const people = useQuery({ ...trpc.stores.listAssignees.queryOptions(), enabled: open && me.role !== "agent", staleTime: 60_000 });
  if (me.role === "agent") {
    return (
      <Button size="sm" variant="outline" disabled={disabled} onClick={() => onAssign(me.id)}>
        <UserPlus aria-hidden /> Assign to me
      </Button>
    );
  }
  const pick = (id: number | null) => {
    setOpen(false);
    onAssign(id);
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button size="sm" variant="outline" disabled={disabled}>
          <UserRound aria-hidden /> Assign to… <ChevronDown className="opacity-60" aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-64 p-0" align="start" side="top">
        <Command>
          <CommandInput placeholder="Find a colleague…" aria-label="Find a colleague" />
          <CommandList className="max-h-72">
            <CommandEmpty>{people.isPending ? "Loading colleagues…" : "Nobody by that name."}</CommandEmpty>
            <CommandGroup>
              <CommandItem value="assign to me" onSelect={() => pick(me.id)}>
                <UserPlus aria-hidden /> Me
              </CommandItem>
              <CommandItem value="unassign nobody" onSelect={() => pick(null)}>
                <UserMinus aria-hidden /> Unassign
              </CommandItem>
            </CommandGroup>
            <CommandSeparator />
            <CommandGroup heading="Colleagues in your stores">
              {(people.data ?? [])
                .filter((p) => p.id !== me.id)
                .map((p) => (
                  <CommandItem key={p.id} value={`${p.name} ${p.id}`} onSelect={() => pick(p.id)}>
                    {p.name}
                  </CommandItem>
                ))}
            </CommandGroup>
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
