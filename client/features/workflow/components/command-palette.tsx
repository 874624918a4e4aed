import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowRightToLine, FileText, Keyboard, type LucideIcon } from "lucide-react";
import { useState } from "react";
import { useMatch, useNavigate } from "react-router";
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandShortcut } from "@/components/ui/command.tsx";
import { paths } from "@/lib/paths.ts";
import { trpc } from "@/lib/trpc.ts";
import { useDebounced } from "../hooks/use-debounced.ts";
import { claimNumberFrom } from "../lib/claim-number.ts";
import { ClaimCommands } from "./claim-commands.tsx";

export type NavigationEntry = { label: string; to: string; icon: LucideIcon };

/**
 * ⌘K: jump to a claim by number (or search one by order, e-mail or name), to a queue view or page this
 * person may open, or run the open claim's available actions.
 */
export function CommandPalette({
  open,
  onOpenChange,
  navigation,
  onTakeNext,
  onShowShortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  navigation: NavigationEntry[];
  onTakeNext: () => void;
  onShowShortcuts: () => void;
}) {
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 200);
  const current = useMatch("/claims/:number")?.params.number?.toUpperCase();
  const direct = claimNumberFrom(search);
  const found = useQuery({
    ...trpc.claims.listClaims.queryOptions({ filters: { q, includeClosed: true }, pageSize: 25, sortBy: "updatedAt", sortOrder: "desc" }),
    enabled: open && q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const close = () => {
    onOpenChange(false);
    setSearch("");
  };
  const go = (to: string) => {
    close();
    navigate(to);
  };
  const results = q.length >= 2 ? (found.data?.rows ?? []).filter((r) => r.number !== direct).slice(0, 6) : [];

  return (
    <CommandDialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Command palette"
      description="Jump to a claim, a queue view or a page, or act on the open claim."
    >
      <CommandInput value={search} onValueChange={setSearch} placeholder="Claim number, order, e-mail, name or a command…" aria-label="Command or claim" />
      <CommandList className="max-h-[360px]">
        <CommandEmpty>{found.isFetching ? "Searching…" : "Nothing matches. Type a claim number like 123 or CLM-000123."}</CommandEmpty>
        {(direct || results.length > 0) && (
          <CommandGroup heading="Claims">
            {direct && (
              <CommandItem value={`open ${direct}`} keywords={[search]} onSelect={() => go(paths.claim(direct))}>
                <FileText aria-hidden /> Open {direct}
              </CommandItem>
            )}
            {results.map((r) => (
              <CommandItem key={r.id} value={`${r.number} ${r.customerName} ${r.orderNumber}`} keywords={[search]} onSelect={() => go(paths.claim(r.number))}>
                <FileText aria-hidden />
                <span className="tabular-nums">{r.number}</span>
                <span className="truncate text-muted-foreground">
                  {r.customerName} · {r.orderNumber}
                </span>
              </CommandItem>
            ))}
          </CommandGroup>
        )}
        {current && <ClaimCommands number={current} onDone={close} />}
        <CommandGroup heading="Go to">
          {navigation.map((n) => (
            <CommandItem key={n.to} value={`go to ${n.label}`} onSelect={() => go(n.to)}>
              <n.icon aria-hidden /> {n.label}
            </CommandItem>
          ))}
        </CommandGroup>
        <CommandGroup heading="General">
          <CommandItem value="take next claim" onSelect={() => (close(), onTakeNext())}>
            <ArrowRightToLine aria-hidden /> Take next claim <CommandShortcut>N</CommandShortcut>
          </CommandItem>
          <CommandItem value="keyboard shortcuts help" onSelect={() => (close(), onShowShortcuts())}>
            <Keyboard aria-hidden /> Keyboard shortcuts <CommandShortcut>?</CommandShortcut>
          </CommandItem>
        </CommandGroup>
      </CommandList>
    </CommandDialog>
  );
}
