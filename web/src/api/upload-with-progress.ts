import { apiRequestError } from "./api-request-error.ts";

/**
 * POSTs a form and reports how much of it has been sent. fetch() has no upload progress in
 * browsers, so this is the one request made with XMLHttpRequest.
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  token: string | null,
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    if (token) request.setRequestHeader("authorization", `Bearer ${token}`);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    request.addEventListener("load", () => {
      const response = new Response(request.responseText, {
        status: request.status,
        statusText: request.statusText,
        headers: { "content-type": request.getResponseHeader("content-type") ?? "" },
      });
      if (response.ok) {
        response.json().then((body) => resolve(body as T), reject);
      } else {
        apiRequestError(response).then(reject, reject);
      }
    });
    request.addEventListener("error", () => reject(new Error("the upload failed: network error")));
    request.send(form);
  });
}
