import { ApiKeysPage } from "@/features/api-keys/components/api-keys-page.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminApiKeysRoute() {
  return (
    <RolePage roles={["admin"]}>
      <ApiKeysPage />
    </RolePage>
  );
}
