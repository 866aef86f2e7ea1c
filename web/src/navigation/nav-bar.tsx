import { useSession } from "../api/session-context.ts";
import type { AppRoute } from "./app-route.ts";
import { Link } from "./link.tsx";
import { navLinks } from "./nav-links.ts";

/** The pages the user's roles open, who is logged in, and the way out. */
export function NavBar({ route }: { route: AppRoute }) {
  const session = useSession();
  return (
    <header class="nav-bar">
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <span class="brand">CrowdSeg</span>
      <nav aria-label="Main">
        <ul>
          {navLinks(session.me).map((link) => (
            <li key={link.page}>
              <Link href={`/${link.page}`} current={route.page === link.page}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <span class="who">
        {session.user.displayName} <span class="badge">{session.user.role}</span>
      </span>
      <button type="button" class="link-button" onClick={session.logOut}>
        Log out
      </button>
    </header>
  );
}
