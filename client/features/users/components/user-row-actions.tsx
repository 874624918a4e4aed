import { KeyRound, MoreHorizontal, Pencil, ShieldOff, UserCheck, UserX } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu.tsx";
import type { UserRow } from "../table/columns.tsx";

export type UserActions = {
  edit: (u: UserRow) => void;
  resetPassword: (u: UserRow) => void;
  resetTwoFactor: (u: UserRow) => void;
  deactivate: (u: UserRow) => void;
  reactivate: (u: UserRow) => void;
};

export function UserRowActions({ user, actions }: { user: UserRow; actions: UserActions }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${user.name}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuItem onSelect={() => actions.edit(user)}>
          <Pencil aria-hidden /> Edit
        </DropdownMenuItem>
        <DropdownMenuItem disabled={!user.active} onSelect={() => actions.resetPassword(user)}>
          <KeyRound aria-hidden /> Reset password
        </DropdownMenuItem>
        <DropdownMenuItem disabled={!user.active} onSelect={() => actions.resetTwoFactor(user)}>
          <ShieldOff aria-hidden /> Reset two-factor
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        {user.active ? (
          <DropdownMenuItem variant="destructive" onSelect={() => actions.deactivate(user)}>
            <UserX aria-hidden /> Deactivate
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => actions.reactivate(user)}>
            <UserCheck aria-hidden /> Reactivate
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
