import { priorities, priorityLabels, type Priority } from "@shared/workflow/statuses.ts";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";

export function PriorityPicker({ value, disabled, onChange }: { value: Priority; disabled: boolean; onChange: (p: Priority) => void }) {
  return (
    <Select value={value} disabled={disabled} onValueChange={(v) => v !== value && onChange(v as Priority)}>
      <SelectTrigger size="sm" className="h-8 w-28" aria-label="Priority">
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
