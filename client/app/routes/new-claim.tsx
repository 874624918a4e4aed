import { checkFile } from "@/features/evidence/file-checks.ts";
import { uploadEvidence } from "@/features/evidence/upload-evidence.ts";
import { NewClaimForm } from "@/features/intake/components/new-claim-form.tsx";
import { PolicyPanel } from "@/features/policy/components/policy-panel.tsx";

/** The agent's new-claim form, with the claim page's policy panel as its live preview and the evidence upload for its files. */
export default function NewClaimPage() {
  return (
    <NewClaimForm
      fileProblem={checkFile}
      uploadFile={(input) => uploadEvidence(input, () => {})}
      renderPreview={(p) => (
        // The panel's two columns are for the claim page's width; in the form's side column they stack.
        <div className="[&_.md\:grid-cols-2]:grid-cols-1">
          <PolicyPanel decision={p.decision} storeName={p.storeName} storeId={p.storeId} version={p.policyVersion} />
        </div>
      )}
    />
  );
}
