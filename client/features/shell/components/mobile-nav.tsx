import { Menu } from "lucide-react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button.tsx";
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet.tsx";
import { hasRole, type Me } from "@/lib/auth.tsx";
import { navItems } from "./nav-items.ts";

export function MobileNav({ me }: { me: Me }) {
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-64">
        <SheetHeader>
          <SheetTitle>Claimdesk</SheetTitle>
        </SheetHeader>
        <nav aria-label="Main" className="flex flex-col gap-1 px-4">
          {navItems.filter((i) => hasRole(me, i.roles)).map((i) => (
            <Link key={i.label} to={i.to} className="flex h-9 items-center gap-2 rounded-md px-2 text-sm hover:bg-accent">
              <i.icon className="size-4" aria-hidden /> {i.label}
            </Link>
          ))}
        </nav>
      </SheetContent>
    </Sheet>
  );
}
