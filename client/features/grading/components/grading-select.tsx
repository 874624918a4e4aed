import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";

export type Choice = { value: string; label: string; hint?: string | undefined };

const NONE = "__none";

/** A labelled select bound to the form; `optional` adds a "none" entry that clears the field. */
export function GradingSelect<T extends FieldValues>(props: {
  control: Control<T>;
  name: FieldPath<T>;
  id: string;
  label: string;
  placeholder: string;
  choices: readonly Choice[];
  error?: string | undefined;
  optional?: boolean;
  onPicked?: (value: string | undefined) => void;
}) {
  const { control, name, id, label, placeholder, choices, error, optional, onPicked } = props;
  return (
    <div className="grid min-w-0 gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Select
            value={(field.value as string | undefined) ?? (optional ? NONE : "")}
            onValueChange={(v) => {
              const next = v === NONE ? undefined : v;
              field.onChange(next);
              onPicked?.(next);
            }}
            disabled={field.disabled}
          >
            <SelectTrigger id={id} size="sm" className="w-full" aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} onBlur={field.onBlur}>
              {/* The trigger shows the label only; the hint (default grade, part value) stays in the list. */}
              <SelectValue placeholder={placeholder}>{choices.find((c) => c.value === field.value)?.label}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {optional && <SelectItem value={NONE}><span className="text-muted-foreground">{placeholder}</span></SelectItem>}
              {choices.map((c) => (
                <SelectItem key={c.value} value={c.value}>
                  <span>{c.label}</span>
                  {c.hint && <span className="ml-auto pl-3 text-xs text-muted-foreground tabular-nums">{c.hint}</span>}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      />
      {error && <p id={`${id}-error`} className="text-xs text-destructive">{error}</p>}
    </div>
  );
}
