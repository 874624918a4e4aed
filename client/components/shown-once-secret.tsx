import { Check, Copy, TriangleAlert } from "lucide-react";
import { useState, type ReactNode } from "react";
import { toast } from "@/lib/toast.ts";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";

/**
 * A secret the server shows exactly once (it keeps only a hash): a warning saying so, the value read-only
 * and selected on focus, and a copy button that says whether the copy worked.
 */
export function ShownOnceSecret({ id, label, noun, value, children }: { id: string; label: string; noun: "key" | "link"; value: string; children: ReactNode }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${noun === "key" ? "Key" : "Link"} copied`);
    } catch {
      toast.error(`Could not copy; select the ${noun} and copy it by hand.`);
    }
  };
  return (
    <div className="grid gap-3">
      <Alert variant="warning">
        <TriangleAlert aria-hidden />
        <AlertTitle>Shown once</AlertTitle>
        <AlertDescription>{children}</AlertDescription>
      </Alert>
      <div className="grid gap-1.5">
        <Label htmlFor={id}>{label}</Label>
        <div className="flex gap-2">
          <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <Button type="button" variant="outline" onClick={copy} aria-label={`Copy ${noun}`}>
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
    </div>
  );
}
