import { ClaimQueue } from "@/features/claims/components/claim-queue.tsx";

export default function QueuePage() {
  return <ClaimQueue />;
}
