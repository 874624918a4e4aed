import { ExportHistory } from "@/features/exports/components/export-history.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function ExportHistoryPage() {
  return (
    <RolePage roles={["supervisor", "admin"]}>
      <ExportHistory />
    </RolePage>
  );
}
