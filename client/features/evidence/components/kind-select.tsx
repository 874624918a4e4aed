import type { EvidenceKind } from "@shared/policy/enums.ts";
import { evidenceKindLabels } from "@shared/schemas/evidence.ts";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";

/** Evidence kinds, with the ones the policy still needs marked so the agent files the answer under the right kind. */
export function KindSelect({ id, kinds, value, onChange, needed, error }: { id: string; kinds: readonly EvidenceKind[]; value: EvidenceKind; onChange: (k: EvidenceKind) => void; needed: ReadonlySet<string>; error?: string }) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as EvidenceKind)}>
      <SelectTrigger id={id} className="w-full" aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined}>
        {/* The "needed" mark belongs in the list; the closed control shows the kind alone. */}
        <SelectValue>{evidenceKindLabels[value]}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        {kinds.map((k) => (
          <SelectItem key={k} value={k}>
            {evidenceKindLabels[k]}
            {needed.has(k) && <span className="text-xs text-warning">· needed</span>}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
