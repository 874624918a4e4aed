/**
 * Deadlines that bind the store (E7, C8, C10, K7, E4): they pause while we wait on the customer, come back
 * shifted by the wait, give the queue its due date and are flagged by the sweep when missed. The customer's
 * own (report by, ship the return) are theirs to miss and never move.
 */
export const ownDeadlineKeys = ["review_due", "refund_due", "exchange_ship_due", "freight_reimbursement_due"] as const;

export const isOwnDeadline = (key: string): boolean => (ownDeadlineKeys as readonly string[]).includes(key);
