/** The pages of the app and the paths they live at. */
export type AppRoute =
  | { page: "login" }
  | { page: "home" }
  | { page: "label"; studyId: number | null }
  | { page: "studies"; studyId: number | null }
  | { page: "runs"; studyId: number | null }
  | { page: "not-found"; path: string };

export function parseRoute(path: string): AppRoute {
  const parts = path.split("/").filter(Boolean);
  const [first, second, ...rest] = parts;
  if (parts.length === 0) return { page: "home" };
  if (first === "login" && parts.length === 1) return { page: "login" };
  if ((first === "label" || first === "studies" || first === "runs") && rest.length === 0) {
    if (second === undefined) return { page: first, studyId: null };
    if (/^[1-9][0-9]*$/.test(second)) return { page: first, studyId: Number(second) };
  }
  return { page: "not-found", path };
}

export function routePath(route: AppRoute): string {
  switch (route.page) {
    case "login":
      return "/login";
    case "home":
      return "/";
    case "not-found":
      return route.path;
    default:
      return route.studyId === null ? `/${route.page}` : `/${route.page}/${route.studyId}`;
  }
}
