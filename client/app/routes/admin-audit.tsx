import { AuditLog } from "@/features/admin-audit/components/audit-log.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminAuditRoute() {
  return (
    <RolePage roles={["admin"]}>
      <AuditLog />
    </RolePage>
  );
}
