import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiClient } from "./api/api-client.ts";
import type { LoggedIn, Me } from "./api/api-types.ts";
import { type Session, SessionContext } from "./api/session-context.ts";
import {
  clearSession,
  loadSession,
  type StoredSession,
  saveSession,
} from "./api/stored-session.ts";
import { CoordinatorPage } from "./coordinator/coordinator-page.tsx";
import { LoginPage } from "./login/login-page.tsx";
import { type AppRoute, parseRoute } from "./navigation/app-route.ts";
import { NavBar } from "./navigation/nav-bar.tsx";
import { navLinks } from "./navigation/nav-links.ts";
import { Redirect } from "./navigation/redirect.tsx";
import { navigate, useLocationPath } from "./navigation/router.ts";
import { RaterPage } from "./rater/rater-page.tsx";
import { ResearcherPage } from "./researcher/researcher-page.tsx";

/** Login, then the pages the account's roles open; a 401 anywhere logs out. */
export function App() {
  const path = useLocationPath();
  const route = parseRoute(path);
  const [stored, setStored] = useState<StoredSession | null>(loadSession);
  const [me, setMe] = useState<Me | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const logOut = () => {
    const token = stored?.token;
    clearSession();
    setStored(null);
    setMe(null);
    if (token) void new ApiClient(token).post("/api/auth/logout").catch(() => {});
    navigate("/login");
  };

  const api = useMemo(
    () =>
      new ApiClient(stored?.token ?? null, () => {
        clearSession();
        setStored(null);
        setMe(null);
      }),
    [stored?.token],
  );

  useEffect(() => {
    if (!stored) return;
    setLoadError(null);
    api.get<Me>("/api/me").then(setMe, (error: Error) => setLoadError(error.message));
  }, [api, stored]);

  if (!stored) {
    const onLoggedIn = (loggedIn: LoggedIn) => {
      setStored(saveSession(loggedIn));
      if (route.page === "login") navigate("/", { replace: true });
    };
    return <LoginPage onLoggedIn={onLoggedIn} />;
  }
  if (!me) {
    return (
      <p class="notice" role={loadError ? "alert" : "status"}>
        {loadError ?? "Loading your account…"}
      </p>
    );
  }
  const session: Session = { ...stored, api, me, logOut };
  return (
    <SessionContext.Provider value={session}>
      <NavBar route={route} />
      <div id="content">
        <RoutePage route={route} me={me} />
      </div>
    </SessionContext.Provider>
  );
}

function RoutePage({ route, me }: { route: AppRoute; me: Me }) {
  const allowed = navLinks(me).map((link) => link.page);
  switch (route.page) {
    case "home":
    case "login": {
      const first = allowed[0];
      return first ? (
        <Redirect to={`/${first}`} />
      ) : (
        <p class="notice">Your account has no role that opens a page here yet.</p>
      );
    }
    case "not-found":
      return <p class="notice">There is no page at {route.path}.</p>;
  }
  if (!allowed.includes(route.page)) {
    return <p class="notice">This page is not open to your role.</p>;
  }
  switch (route.page) {
    case "label":
      return <RaterPage studyId={route.studyId} />;
    case "studies":
      return <CoordinatorPage studyId={route.studyId} />;
    case "runs":
      return <ResearcherPage studyId={route.studyId} />;
  }
}
