import { PeoplePage } from "@/features/users/components/people-page.tsx";
import { SecondFactorBanner } from "@/lib/auth.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function AdminUsersRoute() {
  return (
    <RolePage roles={["admin"]}>
      <SecondFactorBanner action="invite, change or deactivate people" className="mx-4 mt-4 w-auto lg:mx-6" />
      <PeoplePage />
    </RolePage>
  );
}
