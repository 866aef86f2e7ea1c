import type { ApiClient } from "./api-client.ts";
import { SseParser } from "./sse-parser.ts";

/**
 * Follows a run's `/events` stream, calling `onRun` with the run on every `progress` event and
 * once more on `done`; resolves with the finished run. A stream cut short (a restarted server, a
 * proxy timeout) is opened again after a pause, since the run row, not the stream, is the truth.
 */
export async function followRunEvents<Run>(
  client: ApiClient,
  eventsPath: string,
  onRun: (run: Run) => void,
  signal: AbortSignal,
): Promise<Run | null> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const response = await client.fetch("GET", eventsPath, {
        signal,
        headers: { accept: "text/event-stream" },
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const event of parser.push(value)) {
          const { run } = JSON.parse(event.data) as { run: Run };
          onRun(run);
          if (event.event === "done") {
            await reader.cancel();
            return run;
          }
        }
      }
    } catch (error) {
      if (signal.aborted) return null;
      if (attempt >= 20) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * (attempt + 1))));
  }
  return null;
}
