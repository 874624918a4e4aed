/**
 * C0 controls except tab, line feed and carriage return, DEL, and the C1 controls. PostgreSQL refuses NUL in
 * text (a NUL in a filter once answered 500), and none of them belongs in anything a person types.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const controlCharacterMessage = "Remove the control characters (such as NUL) from this field.";

/**
 * The dotted path of the first string (or object key) holding a control character, `_` for the input itself,
 * or null. Iterative, so a deeply nested body cannot overflow the stack here.
 */
export function controlCharacterPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  let visited = 0;
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (++visited > 200_000) return null; // zod's limits refuse such an input anyway
    if (typeof v === "string") {
      if (CONTROL.test(v)) return path || "_";
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v && typeof v === "object" && !(v instanceof Date)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const at = path ? `${path}.${key}` : key;
        if (CONTROL.test(key)) return at;
        stack.push([(v as Record<string, unknown>)[key], at]);
      }
    }
  }
  return null;
}

/** For text we file rather than refuse (inbound mail, whose provider would retry a refusal forever). */
export const withoutControlCharacters = (s: string) => s.replace(CONTROLS, "");
