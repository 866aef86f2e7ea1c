import { useEffect } from "preact/hooks";
import { navigate } from "./router.ts";

/** Replaces the current path, e.g. / with the page of the user's role. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
