import { router } from "../../trpc/init.ts";

export const approvalsRouter = router({});
