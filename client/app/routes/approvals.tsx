import { ApprovalsQueue } from "@/features/approvals/components/approvals-queue.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function ApprovalsPage() {
  return (
    <RolePage roles={["supervisor", "admin"]}>
      <ApprovalsQueue />
    </RolePage>
  );
}
