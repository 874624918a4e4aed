import { Link } from "react-router";
import { cn } from "@/lib/utils.ts";
import { queueParamsToSearch, queueViews, type QueueParams } from "../table/queue-params.ts";

/** Saved views are links, so they can be opened in a new tab, bookmarked and shared. */
export function QueueViewTabs({ params }: { params: QueueParams }) {
  return (
    <nav aria-label="Saved views" className="flex gap-1 border-b">
      {queueViews.map((view) => {
        const active = params.view === view.id;
        const search = queueParamsToSearch({ ...params, view: view.id, page: 1 }).toString();
        return (
          <Link
            key={view.id}
            to={{ search: search ? `?${search}` : "" }}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              active && "border-primary font-medium text-foreground",
            )}
          >
            {view.label}
          </Link>
        );
      })}
    </nav>
  );
}
