import { readFileSync } from "node:fs";

// One word a line, lower-cased on load: "Password1" and "password1" are equally guessable.
let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean),
  );
  return list;
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.trim().toLowerCase());
