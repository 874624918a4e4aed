import { Link } from "react-router";
import { Sheet, SheetContent, SheetHeader, SheetTitle } from "@/components/ui/sheet.tsx";
import { hasRole, type Me } from "@/lib/auth.tsx";
import { navItems } from "./nav-items.ts";

/** The navigation drawer of narrow screens (loaded on first use, see MobileNav). */
export function MobileNavSheet({ me, open, onOpenChange, returnFocus }: { me: Me; open: boolean; onOpenChange: (open: boolean) => void; returnFocus: () => void }) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="left"
        className="w-64"
        id="mobile-nav"
        // Opened from a plain button (the trigger lives outside this lazy chunk), so Radix has no trigger to refocus.
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnFocus();
        }}
      >
        <SheetHeader>
          <SheetTitle>Claimdesk</SheetTitle>
        </SheetHeader>
        <nav aria-label="Main" className="flex flex-col gap-1 px-4">
          {navItems.filter((i) => hasRole(me, i.roles)).map((i) => (
            <Link key={i.label} to={i.to} onClick={() => onOpenChange(false)} className="flex h-9 items-center gap-2 rounded-md px-2 text-sm hover:bg-accent">
              <i.icon className="size-4" aria-hidden /> {i.label}
            </Link>
          ))}
        </nav>
      </SheetContent>
    </Sheet>
  );
}
