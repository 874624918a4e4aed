export * from "./stores.ts";
export * from "./users.ts";
export * from "./orders.ts";
export * from "./claims.ts";

export * from "./fulfilment.ts";
export * from "./messages.ts";
export * from "./jobs.ts";
export * from "./admin.ts";
export * from "./intake.ts";
export * from "./rate-limits.ts";
