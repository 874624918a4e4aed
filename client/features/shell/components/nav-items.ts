import { ClipboardCheck, FileUp, Inbox, MailQuestion, BarChart3, ScrollText, Settings, UserRound, type LucideIcon } from "lucide-react";
import type { Role } from "@shared/roles.ts";
import { paths } from "@/lib/paths.ts";

export type NavItem = { label: string; to: string; icon: LucideIcon; roles: readonly Role[]; match: (path: string, search: string) => boolean };

const all = ["agent", "supervisor", "admin"] as const;

export const navItems: NavItem[] = [
  { label: "Queue", to: paths.queue, icon: Inbox, roles: all, match: (p, s) => p === "/queue" && !s.includes("view=mine") },
  { label: "My claims", to: paths.myClaims, icon: UserRound, roles: all, match: (p, s) => p === "/queue" && s.includes("view=mine") },
  { label: "Unsorted mail", to: paths.unsortedMail, icon: MailQuestion, roles: all, match: (p) => p.startsWith("/mail/unsorted") },
  // Every role reads the policies of its stores; the page lists them (features never import each other, hence the literal path).
  { label: "Policies", to: "/policies", icon: ScrollText, roles: all, match: (p) => p.startsWith("/policies") },
  { label: "Approvals", to: paths.approvals, icon: ClipboardCheck, roles: ["supervisor", "admin"], match: (p) => p.startsWith("/approvals") },
  { label: "Reports", to: paths.reports, icon: BarChart3, roles: ["supervisor", "admin"], match: (p) => p.startsWith("/reports") },
  { label: "Import orders", to: paths.orderImport, icon: FileUp, roles: ["supervisor", "admin"], match: (p) => p.startsWith("/orders/import") },
  { label: "Admin", to: paths.admin, icon: Settings, roles: ["admin"], match: (p) => p.startsWith("/admin") },
];
