import { Check, Copy, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { formatDateTime } from "@/lib/format.ts";

/** The one-time link, shown once: the server keeps only its hash, so it can never be displayed again. */
export function PasswordLink({ path, expiresAt, name }: { path: string; expiresAt: Date; name: string }) {
  const url = `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success("Link copied");
    } catch {
      toast.error("Could not copy; select the link and copy it by hand.");
    }
  };
  return (
    <div className="grid gap-3">
      <Alert variant="warning">
        <TriangleAlert aria-hidden />
        <AlertTitle>Shown once</AlertTitle>
        <AlertDescription>
          Copy this link now and send it to {name} privately. It will not be shown again; it works once and expires {formatDateTime(expiresAt)}.
        </AlertDescription>
      </Alert>
      <div className="grid gap-1.5">
        <Label htmlFor="set-password-link">Set-password link</Label>
        <div className="flex gap-2">
          <Input id="set-password-link" readOnly value={url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <Button type="button" variant="outline" onClick={copy} aria-label="Copy link">
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
    </div>
  );
}
