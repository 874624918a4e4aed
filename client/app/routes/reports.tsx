import { BarChart3 } from "lucide-react";
import { ComingSoon } from "@/features/shell/components/coming-soon.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function ReportsPage() {
  return (
    <RolePage roles={["supervisor", "admin"]}>
      <ComingSoon icon={BarChart3} title="Reports" description="The supervisor dashboard (SLA, refunds, backlog) and exports will live here." />
    </RolePage>
  );
}
