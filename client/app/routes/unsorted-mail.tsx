import { UnsortedMailPage } from "@/features/unsorted-mail/components/unsorted-mail-page.tsx";

export default function UnsortedMailRoute() {
  return <UnsortedMailPage />;
}
