import { Keyboard, Search } from "lucide-react";
import { Suspense, useEffect, useState } from "react";
import { useLocation, useMatch, useNavigate } from "react-router";
import { toast } from "@/lib/toast.ts";
import { Button } from "@/components/ui/button.tsx";
import { Kbd, KbdGroup } from "@/components/ui/kbd.tsx";
import { lazyWithPreload, whenIdle } from "@/lib/lazy-with-preload.ts";
import { paths } from "@/lib/paths.ts";
import { useTakeNext } from "../hooks/use-take-next.ts";
import { useHotkeys } from "../lib/hotkeys.ts";
import { modKey } from "../lib/platform.ts";
import { neighbourInQueue } from "../lib/queue-order.ts";
import type { NavigationEntry } from "./command-palette.tsx";

// The palette (cmdk, its dialog and the claim search) and the help dialog are not needed for a page's first
// paint: they load when the browser is idle, or on hover/focus of their buttons, and mount on first open.
const CommandPalette = lazyWithPreload(() => import("./command-palette.tsx").then((m) => m.CommandPalette));
const ShortcutsDialog = lazyWithPreload(() => import("./shortcuts-dialog.tsx").then((m) => m.ShortcutsDialog));
const preloadPalette = () => void CommandPalette.preload();
const preloadHelp = () => void ShortcutsDialog.preload();

function focusGrading(): boolean {
  const section = document.getElementById("grading");
  if (!section) {
    toast.info("This claim has no grading section.");
    return true;
  }
  if (!section.hasAttribute("tabindex")) section.setAttribute("tabindex", "-1");
  section.scrollIntoView({ behavior: "smooth", block: "start" });
  section.focus({ preventScroll: true });
  return true;
}

/**
 * The keyboard layer of the app (mounted once in the header): ⌘K / Ctrl+K palette, `?` help, `n` take
 * next on the queue and claim pages, `j` / `k` through the last queue page, `g` to grading. Single keys
 * never fire while typing or while a dialog is open.
 */
export function WorkflowShortcuts({ navigation }: { navigation: NavigationEntry[] }) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const claim = useMatch("/claims/:number")?.params.number;
  const { takeNext } = useTakeNext();
  // Once opened, a dialog stays mounted so that it can animate closed and keep its state.
  const [paletteUsed, setPaletteUsed] = useState(false);
  const [helpUsed, setHelpUsed] = useState(false);
  if (paletteOpen && !paletteUsed) setPaletteUsed(true);
  if (helpOpen && !helpUsed) setHelpUsed(true);

  useEffect(
    () =>
      whenIdle(() => {
        preloadPalette();
        preloadHelp();
      }),
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setPaletteOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const step = (by: 1 | -1) => {
    if (!claim) return false;
    const next = neighbourInQueue(claim, by);
    if (next.number) navigate(paths.claim(next.number));
    else if (!next.inList) toast.info("Open this claim from the queue to move through it with J and K.");
    else toast.info(by === 1 ? "That was the last claim on the queue page you came from." : "That was the first claim on the queue page you came from.");
    return true;
  };

  useHotkeys({
    n: () => (pathname === paths.queue || claim ? (takeNext(), true) : false),
    j: () => step(1),
    k: () => step(-1),
    g: () => (claim ? focusGrading() : false),
    "?": () => setHelpOpen(true),
  });

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="h-8 w-64 justify-start gap-2 font-normal text-muted-foreground max-sm:w-8 max-sm:justify-center max-sm:px-0"
        onClick={() => setPaletteOpen(true)}
        onPointerEnter={preloadPalette}
        onFocus={preloadPalette}
        aria-keyshortcuts={`${modKey === "⌘" ? "Meta" : "Control"}+K`}
      >
        <Search aria-hidden />
        {/* Visible text is the name (axe: label-content-name-mismatch); the shortcut is in aria-keyshortcuts. */}
        <span className="truncate max-sm:sr-only">Jump to a claim…</span>
        <KbdGroup className="ml-auto max-sm:hidden" aria-hidden>
          <Kbd>{modKey}</Kbd>
          <Kbd>K</Kbd>
        </KbdGroup>
      </Button>
      <Button variant="ghost" size="icon-sm" onClick={() => setHelpOpen(true)} onPointerEnter={preloadHelp} onFocus={preloadHelp} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
        <Keyboard aria-hidden />
      </Button>
      <Suspense fallback={null}>
        {paletteUsed && (
          <CommandPalette
            open={paletteOpen}
            onOpenChange={setPaletteOpen}
            navigation={navigation}
            onTakeNext={takeNext}
            onShowShortcuts={() => setHelpOpen(true)}
          />
        )}
        {helpUsed && <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />}
      </Suspense>
    </>
  );
}
