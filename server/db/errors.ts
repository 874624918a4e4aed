/** PostgreSQL's unique_violation (23505), whichever driver wrapped it (pg, PGlite, drizzle's cause chain). */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown; message?: string } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return !index || e.constraint === index || (e.message ?? "").includes(index);
  }
  return false;
}

type DriverError = { code?: string; message?: string; cause?: unknown; errors?: unknown[] };

function* causes(error: unknown): Generator<DriverError> {
  for (let e = error as DriverError | undefined, depth = 0; e && depth < 10; e = e.cause as DriverError | undefined, depth++) {
    yield e;
    // node's AggregateError (ECONNREFUSED on both ::1 and 127.0.0.1) keeps the reasons in `errors`.
    for (const inner of e.errors ?? []) yield inner as DriverError;
  }
}

// Connection refused/reset, server shutting down or starting (57P01–57P03), connection exceptions (08xxx),
// and the pool's own words when the server vanished or never answered.
const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03"]);
const unavailableText = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|PGlite is closed/i;

/** The database cannot be reached right now: the request may succeed once it is back. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e.code && (unavailableCodes.has(e.code) || e.code.startsWith("08"))) return true;
    if (e.message && unavailableText.test(e.message)) return true;
  }
  return false;
}

/** A data exception (SQLSTATE class 22): the request carried a value no column can hold (an id past int4, a NUL in text). */
export function isDataException(error: unknown): boolean {
  for (const e of causes(error)) if (typeof e.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
  return false;
}

/** What a client may be told about a database failure; `null` leaves it a plain internal error. */
export function publicDatabaseError(error: unknown): { code: "SERVICE_UNAVAILABLE" | "BAD_REQUEST"; httpStatus: 503 | 400; message: string } | null {
  if (isDatabaseUnavailable(error)) return { code: "SERVICE_UNAVAILABLE", httpStatus: 503, message: "The database is unavailable; try again shortly." };
  if (isDataException(error)) return { code: "BAD_REQUEST", httpStatus: 400, message: "A value in the request is out of range or contains characters that cannot be stored." };
  return null;
}
