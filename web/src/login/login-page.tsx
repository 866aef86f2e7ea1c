import { useState } from "preact/hooks";
import { ApiClient } from "../api/api-client.ts";
import type { LoggedIn } from "../api/api-types.ts";

/** Email and password for a bearer token; the app keeps it and loads the account. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (loggedIn: LoggedIn) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await new ApiClient(null).post<LoggedIn>("/api/auth/login", { email, password }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <main class="login-page">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">CrowdSeg</h1>
        <p class="muted">Crowdsourced segmentation of cardiac MRI</p>
        <label>
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
        <details class="demo-accounts">
          <summary>Demo accounts</summary>
          <p>
            With the demo study loaded, every demo account's password is <code>demo</code>:{" "}
            <code>rater-careful@demo.crowdseg</code>, <code>coordinator@demo.crowdseg</code>,{" "}
            <code>researcher@demo.crowdseg</code>.
          </p>
        </details>
      </form>
    </main>
  );
}
