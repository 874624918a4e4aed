import { useMutation } from "@tanstack/react-query";
import { LogOut, UserRound } from "lucide-react";
import { useNavigate } from "react-router";
import { roleLabels } from "@shared/roles.ts";
import { Avatar, AvatarFallback } from "@/components/ui/avatar.tsx";
import { Button } from "@/components/ui/button.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu.tsx";
import type { Me } from "@/lib/auth.tsx";
import { paths } from "@/lib/paths.ts";
import { queryClient, trpc } from "@/lib/trpc.ts";

const initials = (name: string) => name.split(/\s+/).map((p) => p[0]).slice(0, 2).join("").toUpperCase();

export function UserMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate(paths.signIn, { replace: true });
      },
    }),
  );
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-9 gap-2 px-2">
          <Avatar className="size-7" aria-hidden>
            <AvatarFallback className="text-xs">{initials(me.name)}</AvatarFallback>
          </Avatar>
          {/* The name is the visible text (axe: label-content-name-mismatch); on small screens it stays for screen readers. */}
          <span className="text-left leading-tight max-sm:sr-only">
            <span className="sr-only">Account: </span>
            <span className="block text-sm font-medium">{me.name}</span>
            <span className="sr-only">, </span>
            <span className="block text-xs text-muted-foreground">{roleLabels[me.role]}</span>
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="font-normal">
          <div className="text-sm font-medium">{me.name}</div>
          <div className="text-xs text-muted-foreground">{me.email}</div>
          <div className="mt-1 text-xs text-muted-foreground">
            {me.storeIds === null ? "All stores" : `${me.storeIds.length} store${me.storeIds.length === 1 ? "" : "s"}`}
          </div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => navigate(paths.account)}>
          <UserRound aria-hidden /> Account
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => signOut.mutate()}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
