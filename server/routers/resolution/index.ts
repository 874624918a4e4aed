import { router } from "../../trpc/init.ts";

export const resolutionRouter = router({});
