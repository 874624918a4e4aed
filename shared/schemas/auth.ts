import { z } from "zod";

/** Trim and lower-case before validating, so a pasted " Agent@Store.com " signs in. */
export const emailField = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.").max(254, "E-mail addresses are at most 254 characters."));

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200, "Passwords are at most 200 characters."),
});
export type SignInInput = z.input<typeof signInInput>;
