import type { ExternalToast } from "sonner";

// sonner (the toasts and their <Toaster>) is ~10 KB gzip that no page needs for its first paint: it loads when
// the browser is idle or at the first toast, whichever comes first. sonner replays toasts raised before its
// <Toaster> subscribed, so nothing raised while it loads is lost.
let sonner: Promise<typeof import("sonner")> | undefined;
const wanted = new Set<() => void>();

export function loadSonner() {
  if (!sonner) {
    sonner = import("sonner");
    for (const mount of wanted) mount();
  }
  return sonner;
}

/** The deferred <Toaster> mounts when sonner is first wanted. */
export function onSonnerWanted(mount: () => void): () => void {
  if (sonner) mount();
  wanted.add(mount);
  return () => wanted.delete(mount);
}

type Kind = "success" | "error" | "info" | "warning";
const show = (kind: Kind) => (message: string, data?: ExternalToast) => {
  loadSonner().then(({ toast: t }) => t[kind](message, data), () => undefined);
};

/** sonner's `toast.success/error/info/warning`, callable before sonner has loaded. */
export const toast = { success: show("success"), error: show("error"), info: show("info"), warning: show("warning") };
