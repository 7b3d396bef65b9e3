/**
 * The form of the signed-in user's own account page (ending a session, ending the others, changing the
 * password): parsed by its action, and imported by the browser only when the form is used
 * (docs/decisions/146), so that zod is not in the page's first load.
 */
import { z } from "zod";
import { password, text } from "./validators";

export const AccountIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("endSession"), handle: text(64).refine((s) => s.length >= 8) }),
  z.object({ intent: z.literal("endOthers") }),
  z.object({
    intent: z.literal("password"),
    current: password(),
    password: password(),
    confirm: password(),
  }),
]);
