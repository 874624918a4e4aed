import { BellRing, CircleCheck, CircleX, Clock, UserPlus, type LucideIcon } from "lucide-react";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { cn } from "@/lib/utils";
import { relativeTime } from "../lib/relative-time.ts";

export type NotificationRow = RouterOutputs["notifications"]["list"]["rows"][number];

const icons: Record<NotificationRow["kind"], { icon: LucideIcon; tone: string }> = {
  claim_assigned: { icon: UserPlus, tone: "text-info" },
  approval_waiting: { icon: BellRing, tone: "text-warning" },
  refund_approved: { icon: CircleCheck, tone: "text-success" },
  refund_rejected: { icon: CircleX, tone: "text-destructive" },
  deadline_soon: { icon: Clock, tone: "text-warning" },
};

/** One row of the bell: unread ones in full weight with a dot; the whole row opens the claim. */
export function NotificationItem({ n, onOpen }: { n: NotificationRow; onOpen: (n: NotificationRow) => void }) {
  const unread = n.readAt === null;
  const { icon: Icon, tone } = icons[n.kind];
  return (
    <li>
      <button
        type="button"
        data-notification
        onClick={() => onOpen(n)}
        className="flex w-full gap-3 rounded-md px-2.5 py-2 text-left outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
      >
        <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", tone)} />
        <span className="min-w-0 flex-1">
          {unread && <span className="sr-only">Unread: </span>}
          <span className={cn("block text-sm leading-snug", unread ? "font-medium text-foreground" : "text-muted-foreground")}>{n.title}</span>
          {n.body && <span className="block truncate text-xs text-muted-foreground">{n.body}</span>}
          <span className="mt-0.5 flex items-center gap-1.5 text-xs text-muted-foreground">
            {n.claimNumber && <span className="font-mono">{n.claimNumber}</span>}
            {n.claimNumber && <span aria-hidden>·</span>}
            <time dateTime={n.createdAt.toISOString()} title={n.createdAt.toLocaleString()}>
              {relativeTime(n.createdAt)}
            </time>
          </span>
        </span>
        <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-primary" : "bg-transparent")} />
      </button>
    </li>
  );
}
