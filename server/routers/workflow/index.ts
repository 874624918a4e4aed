import { router } from "../../trpc/init.ts";

export const workflowRouter = router({});
