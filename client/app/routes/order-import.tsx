import { OrderImportPage } from "@/features/order-import/components/order-import-page.tsx";
import { RolePage } from "./require-role-page.tsx";

export default function OrderImportRoute() {
  return (
    <RolePage roles={["supervisor", "admin"]}>
      <OrderImportPage />
    </RolePage>
  );
}
