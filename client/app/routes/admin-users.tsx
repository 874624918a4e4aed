import { PeoplePage } from "@/features/users/components/people-page.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminUsersRoute() {
  return (
    <RolePage roles={["admin"]}>
      <PeoplePage />
    </RolePage>
  );
}
