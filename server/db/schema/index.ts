export * from "./stores.ts";
export * from "./users.ts";
export * from "./orders.ts";
export * from "./claims.ts";

