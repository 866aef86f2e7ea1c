import { useEffect, useState } from "preact/hooks";
import { useSession } from "./session-context.ts";

export interface AuthorizedBitmap {
  bitmap: ImageBitmap | null;
  error: string | null;
}

/**
 * An image the API serves behind the bearer token, fetched through the session's ApiClient (as
 * the rater's task image is) and decoded for drawing on a canvas: an <img src> cannot send the
 * Authorization header, and a canvas is where staff viewers layer overlays on the slice.
 * Closed when the path changes; null while loading or when `path` is null.
 */
export function useAuthorizedBitmap(path: string | null): AuthorizedBitmap {
  const { api } = useSession();
  const [state, setState] = useState<AuthorizedBitmap>({ bitmap: null, error: null });
  useEffect(() => {
    setState({ bitmap: null, error: null });
    if (!path) return;
    let bitmap: ImageBitmap | null = null;
    const controller = new AbortController();
    api
      .blob(path, controller.signal)
      // the PNGs carry the values to show (windowed grey, heat colours): no colour management
      .then((blob) => createImageBitmap(blob, { colorSpaceConversion: "none" }))
      .then(
        (decoded) => {
          if (controller.signal.aborted) {
            decoded.close();
            return;
          }
          bitmap = decoded;
          setState({ bitmap, error: null });
        },
        (error: Error) => {
          if (!controller.signal.aborted) setState({ bitmap: null, error: error.message });
        },
      );
    return () => {
      controller.abort();
      bitmap?.close();
    };
  }, [api, path]);
  return state;
}
