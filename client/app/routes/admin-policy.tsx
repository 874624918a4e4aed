import { useParams } from "react-router";
import { PolicyEditor } from "@/features/policy/editor/policy-editor.tsx";
import { RolePage } from "./require-role-page.tsx";

/** /admin/policies/:storeId: admins save a new policy version. */
export default function AdminPolicyPage() {
  const { storeId = "" } = useParams();
  return (
    <RolePage roles={["admin"]}>
      <PolicyEditor storeId={storeId} />
    </RolePage>
  );
}
