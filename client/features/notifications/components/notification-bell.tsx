import { Bell, CheckCheck } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { paths } from "@/lib/paths.ts";
import { useMarkAllRead, useMarkRead, useRecentNotifications, useUnreadCount } from "../hooks/use-notifications.ts";
import { NotificationItem, type NotificationRow } from "./notification-item.tsx";

/** Up and down move between rows (Tab still works): a list read many times a day should not need the mouse. */
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("[data-notification]")];
  const at = rows.indexOf(document.activeElement as HTMLButtonElement);
  const next = e.key === "Home" ? 0 : e.key === "End" ? rows.length - 1 : e.key === "ArrowDown" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
  e.preventDefault();
  rows[next]?.focus();
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread ?? 0;
  const recent = useRecentNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  function openOne(n: NotificationRow) {
    setOpen(false);
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    if (n.claimNumber) navigate(paths.claim(n.claimNumber));
  }

  const rows = recent.data?.rows ?? [];
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="relative" aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}>
          <Bell aria-hidden />
          {unread > 0 && (
            <span className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] leading-none font-semibold text-primary-foreground tabular-nums ring-2 ring-background">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-96 p-0" aria-label="Notifications">
        <div className="flex items-center justify-between gap-2 border-b px-3 py-2">
          <h2 className="text-sm font-semibold">
            Notifications
            {unread > 0 && <span className="ml-1.5 font-normal text-muted-foreground">{unread} unread</span>}
          </h2>
          <Button variant="ghost" size="xs" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
            <CheckCheck aria-hidden />
            Mark all read
          </Button>
        </div>
        <div className="max-h-[min(28rem,70dvh)] overflow-y-auto p-1.5">
          {recent.isPending ? (
            <div className="space-y-2 p-2" aria-busy="true" aria-label="Loading notifications">
              {[0, 1, 2].map((i) => <Skeleton key={i} className="h-12 w-full" />)}
            </div>
          ) : recent.isError ? (
            <p className="p-4 text-center text-sm text-destructive">{recent.error.message}</p>
          ) : rows.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-muted-foreground">You are all caught up.</p>
          ) : (
            <ul aria-label="Recent notifications" className="space-y-0.5" onKeyDown={moveFocus}>
              {rows.map((n) => <NotificationItem key={n.id} n={n} onOpen={openOne} />)}
            </ul>
          )}
        </div>
      </PopoverContent>
    </Popover>
  );
}
