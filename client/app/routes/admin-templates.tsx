import { TemplatesPage } from "@/features/templates/components/templates-page.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminTemplatesRoute() {
  return (
    <RolePage roles={["admin"]}>
      <TemplatesPage />
    </RolePage>
  );
}
