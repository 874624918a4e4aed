import type { ReactNode } from "react";
import { Label } from "@/components/ui/label.tsx";

/** Label, control and its error; the control points at the error through aria-describedby (see `invalid`). */
export function FormField({ id, label, hint, error, children, className }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`grid min-w-0 content-start gap-1.5 ${className ?? ""}`}>
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

export const invalid = (id: string, error: string | undefined) => ({ id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : undefined });
