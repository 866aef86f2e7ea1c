import type { LoggedIn, SessionUser } from "./api-types.ts";

export interface StoredSession {
  token: string;
  user: SessionUser;
}

const KEY = "crowdseg.session";

/** The login survives a reload (the token is valid for 30 days) but not a logout. */
export function loadSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return parsed.token && parsed.user ? { token: parsed.token, user: parsed.user } : null;
  } catch {
    return null;
  }
}

export function saveSession(loggedIn: LoggedIn): StoredSession {
  const session = { token: loggedIn.token, user: loggedIn.user };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
