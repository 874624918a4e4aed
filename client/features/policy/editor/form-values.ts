import type { PolicyParameter } from "@shared/policy/parameters.ts";
import { parameterToText, parseParameterText } from "@shared/policy/parameters-text.ts";
import type { PolicyEditorValues, PreviewPolicyChangeInput } from "@shared/schemas/policy.ts";

// The editor's form holds every value as the text in its input; the API wants
// only what changed. These translate both ways, and route the server's
// per-field issues back to the inputs they name.

export type EditorSource = { storeId: string; version: number; timeZone: string; holidays: readonly string[]; parameters: readonly PolicyParameter[] };

export function initialValues(source: EditorSource): PolicyEditorValues {
  return {
    values: Object.fromEntries(source.parameters.map((p) => [p.key, parameterToText(p, p.value)])),
    timeZone: source.timeZone,
    holidays: source.holidays.map((date) => ({ date })),
    note: "",
  };
}

const sameDates = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

/** The preview/save request for the form as it stands: changed parameters only, calendar when it differs. */
export function toRequest(source: EditorSource, values: PolicyEditorValues): PreviewPolicyChangeInput {
  const changes = source.parameters.flatMap((p) => {
    const text = values.values[p.key];
    const parsed = parseParameterText(p, text === undefined ? "" : text);
    return parsed.error || parsed.value === p.value ? [] : [{ path: [...p.path], value: parsed.value }];
  });
  const timeZone = values.timeZone.trim();
  // Holidays go in form order, so an issue's index points at the right input (the server sorts them).
  const holidays = values.holidays.map((h) => h.date.trim());
  return {
    storeId: source.storeId,
    baseVersion: source.version,
    changes,
    ...(timeZone !== source.timeZone ? { timeZone } : {}),
    ...(sameDates(holidays, source.holidays) ? {} : { holidays }),
  };
}

/** Fields whose input differs from the version, valid or not (the count beside "Review changes"). */
export function countChanges(source: EditorSource, values: PolicyEditorValues): number {
  const params = source.parameters.filter((p) => {
    const text = values.values[p.key];
    const original = parameterToText(p, p.value);
    return typeof text === "string" && typeof original === "string" ? text.trim() !== original : text !== original;
  }).length;
  const holidays = values.holidays.map((h) => h.date.trim());
  return params + (values.timeZone.trim() !== source.timeZone ? 1 : 0) + (sameDates(holidays, source.holidays) ? 0 : 1);
}

/** "values.cases/0/…" and "timeZone" are form fields as they are; "holidays.2" is the date input of row 2. */
export function formField(issuePath: string): string {
  const holiday = /^holidays\.(\d+)$/.exec(issuePath);
  return holiday ? `holidays.${holiday[1]}.date` : issuePath;
}
