import type { ReactNode } from "react";
import { Label } from "@/components/ui/label.tsx";
import { cn } from "@/lib/utils.ts";

/** Label, control and its error; the control points at the error through aria-describedby (see `invalid`). */
export function Field({ id, label, hint, error, children, className }: { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; children: ReactNode; className?: string }) {
  return (
    <div data-slot="field" className={cn("grid min-w-0 content-start gap-1.5", className)}>
      <Label htmlFor={id}>
        {label}
        {hint && <span className="font-normal text-muted-foreground">{hint}</span>}
      </Label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

/** Props that tie a control to its Field's error message. */
export const invalid = (id: string, error: string | undefined) => ({ id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : undefined });
