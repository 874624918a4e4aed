import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2, UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { createUserInput, type CreateUserInput } from "@shared/schemas/users.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { fieldErrors, trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { invalidatePeople } from "../hooks/use-invalidate-people.ts";
import { PasswordLink } from "./password-link.tsx";
import { RoleAndStoresFields, type RoleStoresControl } from "./user-fields.tsx";

type Created = RouterOutputs["users"]["createUser"];
const empty: CreateUserInput = { email: "", name: "", role: "agent", storeIds: [] };

export function CreateUserDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<CreateUserInput>({ resolver: zodResolver(createUserInput), defaultValues: empty });
  const create = useMutation(
    trpc.users.createUser.mutationOptions({
      onSuccess: (data) => {
        setCreated(data);
        void invalidatePeople();
        toast.success(`${data.name} added`);
      },
      onError: (error) => {
        const fields = Object.entries(fieldErrors(error));
        for (const [field, messages] of fields) form.setError(field as keyof CreateUserInput, { message: messages[0] });
        if (error.data?.code === "CONFLICT") form.setError("email", { message: error.message });
        else if (fields.length === 0) toast.error(error.message);
      },
    }),
  );
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Closing forgets the link for good: it is shown once.
    if (!next) {
      setCreated(null);
      form.reset(empty);
      create.reset();
    }
  };
  const { errors } = form.formState;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <UserPlus aria-hidden /> Add person
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{created ? `${created.name} can now set a password` : "Add a person"}</DialogTitle>
          <DialogDescription>
            {created ? "They choose their own password with this link, then sign in." : "They get no password from you: you'll receive a one-time link to send them."}
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <PasswordLink path={created.setPasswordPath} expiresAt={created.expiresAt} name={created.name} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" noValidate onSubmit={form.handleSubmit((v) => create.mutate(v))}>
            <Field id="user-name" label="Name" error={errors.name?.message}>
              <Input {...invalid("user-name", errors.name?.message)} autoComplete="off" {...form.register("name")} />
            </Field>
            <Field id="user-email" label="E-mail" error={errors.email?.message}>
              <Input {...invalid("user-email", errors.email?.message)} type="email" autoComplete="off" {...form.register("email")} />
            </Field>
            <RoleAndStoresFields control={form.control as unknown as RoleStoresControl} errors={errors} role={form.watch("role") ?? "agent"} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending && <Loader2 className="animate-spin" aria-hidden />}
                Add and get link
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
