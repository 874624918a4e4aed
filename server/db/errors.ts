/** PostgreSQL's unique_violation (23505), whichever driver wrapped it (pg, PGlite, drizzle's cause chain). */
export function isUniqueViolation(error: unknown, index?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown; message?: string } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return !index || e.constraint === index || (e.message ?? "").includes(index);
  }
  return false;
}
