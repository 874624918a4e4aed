import { Menu } from "lucide-react";
import { Suspense, useRef, useState } from "react";
import { Button } from "@/components/ui/button.tsx";
import type { Me } from "@/lib/auth.tsx";
import { lazyWithPreload, useMountedOnce } from "@/lib/lazy-with-preload.ts";

// The drawer (a dialog: focus trap, scroll lock) is only for narrow screens: it loads on hover, focus or
// touch of its button, and mounts on first open.
const MobileNavSheet = lazyWithPreload(() => import("./mobile-nav-sheet.tsx").then((m) => m.MobileNavSheet));
const preload = () => void MobileNavSheet.preload();

export function MobileNav({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const mounted = useMountedOnce(open);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={button}
        variant="ghost"
        size="icon"
        className="md:hidden"
        aria-label="Open navigation"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? "mobile-nav" : undefined}
        onPointerEnter={preload}
        onPointerDown={preload}
        onFocus={preload}
        onClick={() => setOpen(true)}
      >
        <Menu />
      </Button>
      {mounted && (
        <Suspense fallback={null}>
          <MobileNavSheet me={me} open={open} onOpenChange={setOpen} returnFocus={() => button.current?.focus()} />
        </Suspense>
      )}
    </>
  );
}
