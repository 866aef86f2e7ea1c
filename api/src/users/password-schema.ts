import { z } from "zod";

/** Length is what makes a password strong; composition rules mostly make it memorable to nobody. */
export const passwordSchema = z.string().min(8, "use at least 8 characters").max(1024);
