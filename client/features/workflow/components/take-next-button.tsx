import { ArrowRightToLine, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button.tsx";
import { Kbd } from "@/components/ui/kbd.tsx";
import { useTakeNext } from "../hooks/use-take-next.ts";

/** The queue's main action: the most urgent unassigned claim of your stores becomes yours and opens. */
export function TakeNextButton() {
  const { takeNext, isPending } = useTakeNext();
  return (
    <Button size="sm" onClick={takeNext} disabled={isPending} aria-keyshortcuts="n">
      {isPending ? <Loader2 className="animate-spin" aria-hidden /> : <ArrowRightToLine aria-hidden />}
      Take next
      <Kbd className="ml-1 border-primary-foreground/30 bg-primary-foreground/15 text-primary-foreground">N</Kbd>
    </Button>
  );
}
