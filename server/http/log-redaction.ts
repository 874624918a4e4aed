/** Query parameters (and JSON keys inside tRPC's `input`) whose values are secrets: never written to a log. */
const SECRET_NAME = /token|key|secret|passw|code|signature|^sig$|auth|session|otp|cookie/i;
/** Store API keys wherever they appear (a key pasted into a URL path or query). */
const API_KEY = /cdk_[a-z]+_[A-Za-z0-9_-]+/g;
const REDACTED = "[redacted]";

function redactJson(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_NAME.test(k) ? REDACTED : redactJson(v, depth + 1)]));
}

/**
 * A request URL fit for the log: secret-looking query values (`/set-password?token=…`, `?api_key=…`), secret keys
 * inside a tRPC `input` and store API keys are replaced by `[redacted]`.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(API_KEY, REDACTED);
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  const out: string[] = [];
  for (const [name, value] of params) {
    let shown = value.replace(API_KEY, REDACTED);
    if (SECRET_NAME.test(name)) shown = REDACTED;
    else if (name === "input") {
      try {
        shown = JSON.stringify(redactJson(JSON.parse(value))).replace(API_KEY, REDACTED);
      } catch {
        shown = REDACTED;
      }
    }
    out.push(`${encodeURIComponent(name)}=${shown === REDACTED ? REDACTED : encodeURIComponent(shown)}`);
  }
  return `${path}?${out.join("&")}`;
}
