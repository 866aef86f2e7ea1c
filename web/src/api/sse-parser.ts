export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Server-sent events from text chunks as they arrive, split anywhere. EventSource would do this,
 * but it cannot send an Authorization header, and the API takes only bearer tokens.
 */
export class SseParser {
  #buffer = "";
  #event = "";
  #data: string[] = [];

  /** Feeds a chunk and returns the events it completed. */
  push(chunk: string): SseEvent[] {
    this.#buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      // a lone \r at the end may be the first half of \r\n: wait for the next chunk
      if (!match || (match[0] === "\r" && match.index === this.#buffer.length - 1)) break;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): SseEvent | null {
    if (line === "") {
      const event =
        this.#data.length > 0
          ? { event: this.#event || "message", data: this.#data.join("\n") }
          : null;
      this.#event = "";
      this.#data = [];
      return event;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.#event = value;
    else if (field === "data") this.#data.push(value);
    return null;
  }
}
