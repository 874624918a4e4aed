import type { LucideIcon } from "lucide-react";

/** Placeholder for a section whose capability has not landed yet; says what will be here. */
export function ComingSoon({ icon: Icon, title, description }: { icon: LucideIcon; title: string; description: string }) {
  return (
    <div className="p-6">
      <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
      <div className="mt-6 flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-16 text-center">
        <Icon className="size-8 text-muted-foreground" aria-hidden />
        <p className="max-w-md text-sm text-muted-foreground">{description}</p>
      </div>
    </div>
  );
}
