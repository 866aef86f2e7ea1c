import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ApiClient } from "./api-client.ts";
import type { Me } from "./api-types.ts";
import type { StoredSession } from "./stored-session.ts";

export interface Session extends StoredSession {
  api: ApiClient;
  /** the account's study memberships, loaded once after login */
  me: Me;
  logOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The logged-in session; pages render only inside one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a logged-in page");
  return session;
}
