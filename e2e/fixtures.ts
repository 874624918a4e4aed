import path from "node:path";

export const demoLogins = {
  agent: { email: "agent@claimdesk.test", password: "agent-demo-2026" },
  supervisor: { email: "supervisor@claimdesk.test", password: "supervisor-demo-2026" },
  admin: { email: "admin@claimdesk.test", password: "admin-demo-2026" },
} as const;

export const storageStateFor = (role: keyof typeof demoLogins) => path.join(import.meta.dirname, ".auth", `${role}.json`);
export const shot = (name: string) => path.join(import.meta.dirname, "screenshots", `${name}.png`);
