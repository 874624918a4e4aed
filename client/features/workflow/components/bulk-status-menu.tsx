import { ArrowRightLeft, ChevronDown } from "lucide-react";
import type { Role } from "@shared/roles.ts";
import { plainActions, type PlainAction } from "@shared/workflow/action-procedures.ts";
import { claimActions } from "@shared/workflow/machine.ts";
import { Button } from "@/components/ui/button.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu.tsx";

const ending = new Set<PlainAction>(["reject_claim", "cancel"]);

/** Only the status changes this role can ever make; each claim then answers for its own state. */
export function BulkStatusMenu({ role, disabled, onPick }: { role: Role; disabled: boolean; onPick: (action: PlainAction) => void }) {
  const mine = plainActions.filter((a) => (claimActions[a].roles as readonly Role[]).includes(role));
  const moves = mine.filter((a) => !ending.has(a));
  const ends = mine.filter((a) => ending.has(a));
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button size="sm" variant="outline" disabled={disabled}>
          <ArrowRightLeft aria-hidden /> Change status <ChevronDown className="opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" side="top" className="w-52">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Applies where the claim's state allows it</DropdownMenuLabel>
        {moves.map((a) => (
          <DropdownMenuItem key={a} onSelect={() => onPick(a)}>
            {claimActions[a].label}
          </DropdownMenuItem>
        ))}
        {ends.length > 0 && <DropdownMenuSeparator />}
        {ends.map((a) => (
          <DropdownMenuItem key={a} variant="destructive" onSelect={() => onPick(a)}>
            {claimActions[a].label}…
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
