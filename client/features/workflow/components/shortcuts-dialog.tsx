import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Kbd, KbdGroup } from "@/components/ui/kbd.tsx";
import { modKey } from "../lib/platform.ts";

const shortcuts: { keys: string[]; what: string; where: string }[] = [
  { keys: [modKey, "K"], what: "Command palette: jump to a claim, a queue view or an action", where: "Anywhere" },
  { keys: ["N"], what: "Take the next claim", where: "Queue and claim page" },
  { keys: ["J"], what: "Next claim in the queue you came from", where: "Claim page" },
  { keys: ["K"], what: "Previous claim in the queue you came from", where: "Claim page" },
  { keys: ["G"], what: "Go to grading", where: "Claim page" },
  { keys: ["/"], what: "Search the queue", where: "Queue" },
  { keys: ["?"], what: "This list", where: "Anywhere" },
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys work whenever you are not typing in a field.</DialogDescription>
        </DialogHeader>
        <table className="w-full text-sm">
          <caption className="sr-only">Keyboard shortcuts</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {shortcuts.map((s) => (
              <tr key={s.what}>
                <td className="w-20 py-2 pr-3 align-top">
                  <KbdGroup>
                    {s.keys.map((k) => (
                      <Kbd key={k}>{k}</Kbd>
                    ))}
                  </KbdGroup>
                </td>
                <td className="py-2 pr-3">{s.what}</td>
                <td className="py-2 text-right text-xs text-muted-foreground">{s.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
