import { router } from "../../trpc/init.ts";

export const evidenceRouter = router({});
