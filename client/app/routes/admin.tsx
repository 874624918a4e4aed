import { Settings } from "lucide-react";
import { ComingSoon } from "@/features/shell/components/coming-soon.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminPage() {
  return (
    <RolePage roles={["admin"]}>
      <ComingSoon icon={Settings} title="Admin" description="People, roles, store access, policy versions and templates will be managed here." />
    </RolePage>
  );
}
