/**
 * Backlog age buckets: whole days since the customer reported the claim. The dashboard counts by them and
 * the queue filters by them, so both read the bounds from here.
 */
export const ageBuckets = ["0-2", "3-7", "8-14", "15-30", "30+"] as const;
export type AgeBucket = (typeof ageBuckets)[number];

/** Inclusive whole-day bounds; `max: null` is open-ended. */
export const ageBucketDays: Record<AgeBucket, { min: number; max: number | null }> = {
  "0-2": { min: 0, max: 2 },
  "3-7": { min: 3, max: 7 },
  "8-14": { min: 8, max: 14 },
  "15-30": { min: 15, max: 30 },
  "30+": { min: 31, max: null },
};

const DAY_MS = 86_400_000;

/**
 * The reported-at instants a bucket covers at `now`: whole days `a = floor((now - reportedAt) / 1 day)`,
 * so `a >= min` is `reportedAt <= now - min days` and `a <= max` is `reportedAt > now - (max + 1) days`.
 */
export function ageBucketWindow(bucket: AgeBucket, now: Date): { reportedAtMost: Date; reportedAfter: Date | null } {
  const { min, max } = ageBucketDays[bucket];
  return {
    reportedAtMost: new Date(now.getTime() - min * DAY_MS),
    reportedAfter: max === null ? null : new Date(now.getTime() - (max + 1) * DAY_MS),
  };
}

export const ageBucketLabel = (bucket: AgeBucket) => (ageBucketDays[bucket].max === null ? `over ${ageBucketDays[bucket].min - 1} days` : `${ageBucketDays[bucket].min}–${ageBucketDays[bucket].max} days`);
