import { z } from "zod";

/** Long beats clever (NIST SP 800-63B): a length floor and a blocklist, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`);

/** Shown beside the field when the server finds the password in its common-passwords list. */
export const commonPasswordMessage = "This password is among the most common ones; choose something less guessable.";
export const passwordIsEmailMessage = "Your password cannot be your e-mail address.";

export const sameAsEmail = (password: string, email: string) => password.trim().toLowerCase() === email.trim().toLowerCase();

export const setPasswordInput = z
  .object({
    token: z.string().trim().min(20, "This link is incomplete; open it again from the message you received.").max(200),
    password: newPasswordField,
    confirm: z.string().optional(),
  })
  .refine((v) => v.confirm === undefined || v.confirm === v.password, { path: ["confirm"], message: "The two passwords differ." });
export type SetPasswordInput = z.input<typeof setPasswordInput>;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: newPasswordField,
    confirm: z.string().optional(),
  })
  .refine((v) => v.confirm === undefined || v.confirm === v.newPassword, { path: ["confirm"], message: "The two passwords differ." })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const signOutSessionInput = z.object({ id: z.string().min(1).max(100) });
