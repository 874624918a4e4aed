import { cn } from "@/lib/utils.ts";
import { previewParts } from "../preview.ts";

function Filled({ text, values }: { text: string; values: Record<string, string> }) {
  return (
    <>
      {previewParts(text, values).map((p, i) =>
        p.kind === "text" ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} className={cn("rounded-sm px-0.5", p.kind === "value" ? "bg-info-muted text-info" : "bg-destructive-muted text-destructive line-through")} title={p.kind === "unknown" ? "Unknown placeholder" : "Sample value"}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}

/** The message as a customer would read it, with sample values marked so the admin sees what is filled in. */
export function TemplatePreview({ subject, body, values }: { subject: string; body: string; values: Record<string, string> }) {
  return (
    <section aria-label="Preview with sample values" className="rounded-lg border bg-muted/30">
      <div className="border-b px-3 py-2 text-sm">
        <span className="text-xs text-muted-foreground">Subject </span>
        <span className="font-medium">
          <Filled text={subject} values={values} />
        </span>
      </div>
      <div tabIndex={0} aria-label="Preview text" className="max-h-[28rem] overflow-auto px-3 py-2.5 text-sm leading-relaxed whitespace-pre-wrap focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        <Filled text={body} values={values} />
      </div>
    </section>
  );
}
