import type * as React from "react";
import {
  CircleCheckIcon,
  InfoIcon,
  Loader2Icon,
  OctagonXIcon,
  TriangleAlertIcon,
} from "lucide-react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

import { useTheme } from "@/components/theme/theme-provider";

/** Mounted once (deferred) by <DeferredToaster>; call `toast` from "@/lib/toast.ts" anywhere. */
function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();

  return (
    <Sonner
      theme={resolvedTheme}
      className="toaster group"
      position="bottom-right"
      icons={{
        success: <CircleCheckIcon className="size-4 text-success" />,
        info: <InfoIcon className="size-4 text-info" />,
        warning: <TriangleAlertIcon className="size-4 text-warning" />,
        error: <OctagonXIcon className="size-4 text-destructive" />,
        loading: <Loader2Icon className="size-4 animate-spin" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          // `richColors` palette mapped onto the theme's status tokens (AA in both modes).
          "--success-bg": "var(--success-muted)",
          "--success-border": "color-mix(in oklch, var(--success) 25%, transparent)",
          "--success-text": "var(--success)",
          "--info-bg": "var(--info-muted)",
          "--info-border": "color-mix(in oklch, var(--info) 25%, transparent)",
          "--info-text": "var(--info)",
          "--warning-bg": "var(--warning-muted)",
          "--warning-border": "color-mix(in oklch, var(--warning) 25%, transparent)",
          "--warning-text": "var(--warning)",
          "--error-bg": "var(--destructive-muted)",
          "--error-border": "color-mix(in oklch, var(--destructive) 25%, transparent)",
          "--error-text": "var(--destructive)",
        } as React.CSSProperties
      }
      toastOptions={{
        classNames: {
          toast: "font-sans text-sm shadow-md",
          description: "!text-muted-foreground",
          actionButton: "!bg-primary !text-primary-foreground",
          cancelButton: "!bg-muted !text-muted-foreground",
        },
      }}
      {...props}
    />
  );
}

export { Toaster };
