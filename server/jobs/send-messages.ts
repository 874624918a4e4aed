import type { DbOrTx } from "../db/client.ts";
import { deliverMessage, MAX_SEND_ATTEMPTS, outboxMessageIds } from "../services/message-delivery.ts";
import { mailerFromEnv, type Mailer } from "../services/smtp-config.ts";
import { enqueue } from "./queue.ts";
import type { JobHandler } from "./runner.ts";

export const SEND_MESSAGE = "send_message";
export const SEND_MESSAGES_SWEEP = "send_messages_sweep";
const SWEEP_EVERY_MS = 30_000;

/**
 * One job per message (dedupe key per message, so it is queued at most once at a time). The job runner's
 * backoff spaces the retries: a `retry` outcome throws, the runner re-schedules the job (5 s, 10 s, 20 s …).
 * The job may run a little more often than the message's attempts allow; the message's own count decides.
 */
export async function enqueueSendMessage(db: DbOrTx, messageId: number, runAt?: Date) {
  return enqueue(db, SEND_MESSAGE, { id: messageId }, { dedupeKey: `${SEND_MESSAGE}:${messageId}`, maxAttempts: MAX_SEND_ATTEMPTS + 2, runAt });
}

export function sendMessageHandlers(getMailer: () => Mailer | null = mailerFromEnv): Record<string, JobHandler> {
  return {
    [SEND_MESSAGE]: async (job, { db, now, log }) => {
      const mailer = getMailer();
      // Without SMTP_URL the message stays in the outbox; the sweep queues it again once a mailer is configured.
      if (!mailer) return;
      const id = Number((job.payload as { id: number }).id);
      const outcome = await deliverMessage(db, id, mailer, now, { interrupted: job.attempts > 1 });
      if (outcome.result === "retry") throw new Error(outcome.error);
      if (outcome.result === "failed") log.warn({ messageId: id, err: outcome.error }, "message not delivered");
    },
    /** Every outbox message gets a send job: those queued while SMTP was off, or by paths that do not queue one. */
    [SEND_MESSAGES_SWEEP]: async (_job, { db, now }) => {
      if (getMailer()) for (const id of await outboxMessageIds(db)) await enqueueSendMessage(db, id, now);
      return { next: { kind: SEND_MESSAGES_SWEEP, runAt: new Date(now.getTime() + SWEEP_EVERY_MS), dedupeKey: SEND_MESSAGES_SWEEP, maxAttempts: 1000 } };
    },
  };
}

/** Called once when the runner starts: the first sweep (a no-op if one is pending from before a restart). */
export const startMessageSweep = (db: DbOrTx) => enqueue(db, SEND_MESSAGES_SWEEP, {}, { dedupeKey: SEND_MESSAGES_SWEEP, maxAttempts: 1000 });
