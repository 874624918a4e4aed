import type { ReactNode } from "react";
import { Label } from "@/components/ui/label.tsx";

/** Label, control and its error (announced via aria-describedby on the control). */
export function Field({ id, label, hint, error, children, className }: { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; children: ReactNode; className?: string }) {
  return (
    <div className={`grid min-w-0 gap-1.5 ${className ?? ""}`}>
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

/** Props that tie a control to its Field's error. */
export const invalid = (id: string, error: string | undefined) => ({ id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : undefined });
