import { useParams, useSearchParams } from "react-router";
import { StorePolicyView } from "@/features/policy/components/store-policy-view.tsx";

/** /policies/:storeId[?version=N]: a store's policy, current or as of a past version. */
export default function PolicyPage() {
  const { storeId = "" } = useParams();
  const [search] = useSearchParams();
  const version = Number(search.get("version")) || undefined;
  return <StorePolicyView key={`${storeId}-${version ?? "current"}`} storeId={storeId} version={version} />;
}
