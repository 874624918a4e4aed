import { z } from "zod";

export const signInInput = z.object({
  email: z.email("Enter a valid e-mail address.").max(254).transform((v) => v.trim().toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(200, "Passwords are at most 200 characters."),
});
export type SignInInput = z.input<typeof signInInput>;
