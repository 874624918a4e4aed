-- The latest due instant among a claim's stored deadlines (ISO 8601 UTC text, which sorts as time), so the SLA
-- report can find the claims with a deadline in its range through an index instead of reading every claim.
-- Immutable: it reads only its argument.
CREATE OR REPLACE FUNCTION claim_deadlines_due_max(deadlines jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT max(d->>'dueAt') FROM jsonb_array_elements(deadlines) AS d $$;
