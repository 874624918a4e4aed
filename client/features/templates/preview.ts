/** Fills `{{name}}` from sample values for the live preview; an unknown name stays visible as a marker the admin can spot. */
export type PreviewPart = { text: string; kind: "text" | "value" | "unknown" };

export function previewParts(text: string, values: Record<string, string>): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), kind: "text" });
    const name = m[1]!;
    parts.push(name in values ? { text: values[name]!, kind: "value" } : { text: m[0], kind: "unknown" });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), kind: "text" });
  return parts;
}
