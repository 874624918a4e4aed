import { ReportsDashboard } from "@/features/reports/components/reports-dashboard.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function ReportsPage() {
  return (
    <RolePage roles={["supervisor", "admin"]}>
      <ReportsDashboard />
    </RolePage>
  );
}
