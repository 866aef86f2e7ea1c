import { describe, expect, it } from "vitest";
import { SseParser } from "./sse-parser.ts";

describe("SseParser", () => {
  it("parses named events, in chunks split anywhere, skipping comments", () => {
    const text =
      'event: progress\ndata: {"run":{"id":1}}\n\n: keep-alive\n\nevent: done\r\ndata: {"run":{"id":2}}\r\n\r\n';
    for (const size of [1, 3, 7, text.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size)
        events.push(...parser.push(text.slice(i, i + size)));
      expect(events).toEqual([
        { event: "progress", data: '{"run":{"id":1}}' },
        { event: "done", data: '{"run":{"id":2}}' },
      ]);
    }
  });

  it("joins multi-line data and defaults the event name to message", () => {
    const parser = new SseParser();
    expect(parser.push("data: a\ndata:b\n\n")).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("holds back an event until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push("event: done\ndata: x\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "done", data: "x" }]);
  });
});
