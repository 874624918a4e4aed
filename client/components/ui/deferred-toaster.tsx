import { Suspense, useEffect, useState } from "react";
import { lazyWithPreload, whenIdle } from "@/lib/lazy-with-preload.ts";
import { loadSonner, onSonnerWanted } from "@/lib/toast.ts";

const Toaster = lazyWithPreload(() => loadSonner().then(() => import("./sonner.tsx")).then((m) => m.Toaster));

/** The app's <Toaster>, loaded after the first paint (idle) or at the first toast; see `@/lib/toast.ts`. */
export function DeferredToaster(props: { richColors?: boolean; closeButton?: boolean }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const off = onSonnerWanted(() => setMounted(true));
    const cancel = whenIdle(() => void loadSonner());
    return () => {
      off();
      cancel();
    };
  }, []);
  return mounted ? (
    <Suspense fallback={null}>
      <Toaster {...props} />
    </Suspense>
  ) : null;
}
