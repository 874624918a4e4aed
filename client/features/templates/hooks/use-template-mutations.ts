import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import { fieldErrors, trpc } from "@/lib/trpc.ts";

/** Save and reset, each refreshing the editor and the "customised" marks; field errors stay beside the fields. */
export function useTemplateMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.templates.pathFilter());
  const onError = (error: unknown) => {
    if (Object.keys(fieldErrors(error)).length === 0) toast.error(error instanceof Error ? error.message : "Could not save.");
  };
  const save = useMutation(
    trpc.templates.saveTemplate.mutationOptions({
      onSuccess: async () => {
        toast.success("Template saved. New messages use it from now on.");
        await refresh();
      },
      onError,
    }),
  );
  const reset = useMutation(
    trpc.templates.resetTemplate.mutationOptions({
      onSuccess: async (res) => {
        toast.success(res.changed ? "Back to the default wording." : "Already the default wording.");
        await refresh();
      },
      onError,
    }),
  );
  return { save, reset };
}
