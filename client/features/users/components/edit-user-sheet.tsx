import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2, TriangleAlert } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { updateUserInput, type UpdateUserInput } from "@shared/schemas/users.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from "@/components/ui/sheet.tsx";
import { trpc } from "@/lib/trpc.ts";
import { invalidatePeople } from "../hooks/use-invalidate-people.ts";
import type { UserRow } from "../table/columns.tsx";
import { RoleAndStoresFields, type RoleStoresControl } from "./user-fields.tsx";
import { showServerErrors } from "@/lib/form-errors.ts";

const rank = { agent: 0, supervisor: 1, admin: 2 } as const;

export function EditUserSheet({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  return (
    <Sheet open={!!user} onOpenChange={(open) => !open && onClose()}>
      <SheetContent>{user && <EditUserForm key={user.id} user={user} onClose={onClose} />}</SheetContent>
    </Sheet>
  );
}

function EditUserForm({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const form = useForm<UpdateUserInput>({ resolver: zodResolver(updateUserInput), defaultValues: { id: user.id, name: user.name, role: user.role, storeIds: user.storeIds } });
  const save = useMutation(
    trpc.users.updateUser.mutationOptions({
      onSuccess: (res) => {
        void invalidatePeople();
        const returned = res.returnedClaims.length;
        toast.success(res.changed ? `${form.getValues("name")} saved` : "Nothing changed", {
          description: returned || res.sessionsEnded ? `${returned} claim${returned === 1 ? "" : "s"} returned to the queue; ${res.sessionsEnded} session${res.sessionsEnded === 1 ? "" : "s"} ended.` : undefined,
        });
        onClose();
      },
      onError: (error) => {
        showServerErrors(error, form.setError);
      },
    }),
  );
  const { errors } = form.formState;
  const role = form.watch("role") ?? user.role;
  const storeIds = form.watch("storeIds") ?? [];
  const demoted = rank[role] < rank[user.role];
  const removed = role !== "admin" && user.storeIds.some((s) => !storeIds.includes(s));

  return (
    <form className="flex h-full flex-col" noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <SheetHeader>
        <SheetTitle>Edit {user.name}</SheetTitle>
        <SheetDescription>{user.email}</SheetDescription>
      </SheetHeader>
      <SheetBody className="grid content-start gap-4">
        <Field id="edit-name" label="Name" error={errors.name?.message}>
          <Input {...invalid("edit-name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <RoleAndStoresFields control={form.control as unknown as RoleStoresControl} errors={errors} role={role} />
        {(demoted || removed) && (
          <Alert variant="warning" role="status">
            <TriangleAlert aria-hidden />
            <AlertDescription>
              Saving signs {user.name} out everywhere and returns {demoted ? `all ${user.openClaims} of their open claims` : "their open claims in the removed stores"} to the unassigned queue.
            </AlertDescription>
          </Alert>
        )}
      </SheetBody>
      <SheetFooter>
        <Button type="button" variant="outline" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending && <Loader2 className="animate-spin" aria-hidden />}
          Save
        </Button>
      </SheetFooter>
    </form>
  );
}
