import * as React from "react";
import { CircleAlertIcon, InboxIcon, RotateCwIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";

type DataTableMessageProps = Omit<React.ComponentProps<"div">, "title"> & {
  icon?: React.ComponentType<{ className?: string }>;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons/links under the text, e.g. "Clear filters" or "Retry". */
  action?: React.ReactNode;
  tone?: "default" | "destructive";
};

/** Centered icon + title + description block used for empty and error states. */
function DataTableMessage({
  icon: Icon = InboxIcon,
  title,
  description,
  action,
  tone = "default",
  className,
  ...props
}: DataTableMessageProps) {
  return (
    <div
      data-slot="data-table-message"
      className={cn(
        "flex flex-col items-center justify-center gap-1 px-4 py-12 text-center whitespace-normal",
        className,
      )}
      {...props}
    >
      <div
        className={cn(
          "mb-2 flex size-9 items-center justify-center rounded-lg border bg-muted/50 text-muted-foreground",
          tone === "destructive" && "border-destructive/25 bg-destructive-muted text-destructive",
        )}
      >
        <Icon className="size-4" />
      </div>
      <p className="text-sm font-medium text-foreground">{title}</p>
      {description ? (
        <p className="max-w-sm text-sm text-muted-foreground">{description}</p>
      ) : null}
      {action ? <div className="mt-3 flex items-center gap-2">{action}</div> : null}
    </div>
  );
}

function DataTableEmpty({
  title = "No results",
  description = "Nothing matches the current filters.",
  ...props
}: Partial<DataTableMessageProps>) {
  return <DataTableMessage title={title} description={description} {...props} />;
}

function DataTableError({
  title = "Couldn't load this list",
  description = "Something went wrong while talking to the server.",
  onRetry,
  action,
  ...props
}: Partial<DataTableMessageProps> & { onRetry?: () => void }) {
  return (
    <DataTableMessage
      role="alert"
      tone="destructive"
      icon={CircleAlertIcon}
      title={title}
      description={description}
      action={
        action ??
        (onRetry ? (
          <Button variant="outline" size="sm" onClick={onRetry}>
            <RotateCwIcon />
            Retry
          </Button>
        ) : undefined)
      }
      {...props}
    />
  );
}

export { DataTableMessage, DataTableEmpty, DataTableError, type DataTableMessageProps };
