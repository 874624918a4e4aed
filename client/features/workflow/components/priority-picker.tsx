import { priorities, priorityLabels, type Priority } from "@shared/workflow/statuses.ts";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";

/**
 * While a change is saving the picker ignores picks instead of being disabled: disabling the focused trigger would
 * drop keyboard focus to the page's start right after a person chose a priority.
 */
export function PriorityPicker({ value, disabled, onChange }: { value: Priority; disabled: boolean; onChange: (p: Priority) => void }) {
  return (
    <Select value={value} onValueChange={(v) => !disabled && v !== value && onChange(v as Priority)}>
      <SelectTrigger size="sm" className="h-8 w-28 aria-busy:opacity-70" aria-label="Priority" aria-busy={disabled || undefined}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent align="end">
        {[...priorities].reverse().map((p) => (
          <SelectItem key={p} value={p}>
            {priorityLabels[p]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
