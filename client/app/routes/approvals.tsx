import { ClipboardCheck } from "lucide-react";
import { ComingSoon } from "@/features/shell/components/coming-soon.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function ApprovalsPage() {
  return (
    <RolePage roles={["supervisor", "admin"]}>
      <ComingSoon icon={ClipboardCheck} title="Approvals" description="Refund proposals waiting for a supervisor will be listed here, with grading, evidence and policy findings side by side." />
    </RolePage>
  );
}
