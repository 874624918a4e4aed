import { Controller, useFormContext, useWatch } from "react-hook-form";
import type { PolicyParameter } from "@shared/policy/parameters.ts";
import { parameterToText } from "@shared/policy/parameters-text.ts";
import type { PolicyEditorValues } from "@shared/schemas/policy.ts";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { formatParameterValue, unitLabel } from "../format-parameter.ts";

const gradeChoices = [
  ["low", "Low"],
  ["medium", "Medium"],
  ["high", "High"],
  ["depends", "Depends"],
] as const;

/** One parameter: its name and context, the input with its unit, what it was, and the error beside it. */
export function ParameterField({ parameter: p }: { parameter: PolicyParameter }) {
  const { control, formState } = useFormContext<PolicyEditorValues>();
  const name = `values.${p.key}` as const;
  const text = useWatch({ control, name });
  const original = parameterToText(p, p.value);
  const changed = text !== original && !(typeof text === "string" && typeof original === "string" && text.trim() === original);
  const error = (formState.errors.values as Record<string, { message?: string }> | undefined)?.[p.key]?.message;
  const id = `param-${p.key.replace(/\//g, "-")}`;
  const describedBy = [`${id}-context`, error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 py-2">
      <div className="min-w-0">
        <label htmlFor={id} className="block text-sm">
          {p.label}
        </label>
        <div id={`${id}-context`} className="truncate text-xs text-muted-foreground" title={p.description}>
          {p.context}
          {changed && <span className="font-medium text-warning"> · was {formatParameterValue(p.kind, p.value)}</span>}
        </div>
      </div>
      <Controller
        control={control}
        name={name}
        render={({ field }) => {
          const common = { id, "aria-invalid": !!error, "aria-describedby": describedBy };
          if (p.kind === "grade") {
            return (
              <Select value={field.value ?? undefined} onValueChange={field.onChange}>
                <SelectTrigger size="sm" className="w-32" {...common} onBlur={field.onBlur}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {gradeChoices.map(([value, label]) => (
                    <SelectItem key={value} value={value}>
                      {label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            );
          }
          const depends = p.kind === "cents_or_depends" && field.value === null;
          return (
            <div className="flex items-center gap-2">
              {(p.kind === "cents" || p.kind === "cents_or_depends") && <span className="text-xs text-muted-foreground" aria-hidden>$</span>}
              <Input
                {...common}
                ref={field.ref}
                name={field.name}
                value={depends ? "" : (field.value ?? "")}
                placeholder={depends ? "Depends" : undefined}
                disabled={depends}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                inputMode="decimal"
                autoComplete="off"
                className="h-8 w-20 text-right tabular-nums"
              />
              {p.kind === "cents_or_depends" ? (
                <label className="flex w-24 items-center gap-1.5 text-xs text-muted-foreground">
                  <Checkbox
                    checked={depends}
                    onCheckedChange={(on) => field.onChange(on ? null : (parameterToText(p, p.value) ?? ""))}
                    aria-label={`${p.label}: depends (A6)`}
                  />
                  Depends
                </label>
              ) : (
                <span className="w-24 text-xs text-muted-foreground">{unitLabel[p.kind]}</span>
              )}
            </div>
          );
        }}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="col-span-2 text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
