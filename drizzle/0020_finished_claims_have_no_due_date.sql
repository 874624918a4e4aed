-- A finished claim (refunded, replacement shipped, closed, rejected, cancelled) has no running deadline: its
-- stored deadlines stay as history, but it has no due date, so the queue's due filters, the deadline sweep,
-- the alerts and Take next no longer see it. New writes keep it so (nextDueAt); this clears existing rows.
UPDATE "claims" SET "due_at" = NULL
WHERE "due_at" IS NOT NULL
  AND "status" IN ('refunded', 'replacement_shipped', 'closed', 'rejected', 'cancelled');
