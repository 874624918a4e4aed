import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { toast } from "@/lib/toast.ts";
import { evidenceKindLabels } from "@shared/schemas/evidence.ts";
import { uploadEvidence, UploadError } from "../upload-evidence.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

/** The upload with its progress (0–1), a cancel, and the claim refreshed afterwards (a 409 also refreshes: the next try uses the new version). */
export function useUploadEvidence() {
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof uploadEvidence>[0]) => {
      abort.current = new AbortController();
      setProgress(0);
      return uploadEvidence(input, setProgress, abort.current.signal);
    },
    onSuccess: async (result, input) => {
      toast.success(`${evidenceKindLabels[input.kind]} "${input.file.name}" added to ${result.number}.`);
      await invalidateClaim();
    },
    onError: async (error) => {
      if (error instanceof UploadError && error.status === 409) await invalidateClaim();
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress, cancel: () => abort.current?.abort() };
}
