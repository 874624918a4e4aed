export const roles = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = { agent: "Agent", supervisor: "Supervisor", admin: "Admin" };

/** Admins oversee every store; agents and supervisors work only the stores they belong to. */
export const seesAllStores = (role: Role) => role === "admin";
