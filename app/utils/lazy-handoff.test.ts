import { describe, expect, it, vi } from "vitest";
import { installLazyHandoff, lazyStream, singleFetchModule } from "./lazy-handoff.server";

const chunks = (...texts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const text of texts) controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

async function readAll(stream: ReadableStream<Uint8Array>) {
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += new TextDecoder().decode(chunk);
  return text;
}

describe("a lazy stream", () => {
  it("opens its source on the first read only, and gives all of it", async () => {
    const open = vi.fn(() => chunks("a", "b", "c"));
    const stream = lazyStream(open);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(open).not.toHaveBeenCalled();
    expect(await readAll(stream)).toBe("abc");
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("passes a cancel on to the source it opened", async () => {
    const cancel = vi.fn();
    const stream = lazyStream(() => new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array([1])), cancel }));
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel("gone");
    expect(cancel).toHaveBeenCalledWith("gone");
  });
});

describe("the server runtime's loader-data encoding", () => {
  it("is wrapped once, encodes nothing until read, and encodes as before when read", async () => {
    const module = singleFetchModule();
    const original = module.encodeViaTurboStream;
    installLazyHandoff();
    installLazyHandoff();
    const wrapped = module.encodeViaTurboStream;
    try {
      expect(wrapped).not.toBe(original);
      expect(wrapped.lazy).toBe(true);
      const state = { loaderData: { root: { lang: "fi", when: new Date(0), n: [1, 2, 3] } }, actionData: null };
      const signal = new AbortController().signal;
      const getter = vi.fn(() => "x");
      const unread = {
        loaderData: {
          root: {
            get x() {
              return getter();
            },
          },
        },
      };
      wrapped(unread, signal, 5000, "production");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(getter).not.toHaveBeenCalled();
      const [a, b] = [wrapped(state, signal, 5000, "production"), original(state, signal, 5000, "production")];
      const text = await readAll(a);
      expect(text).toBe(await readAll(b));
      expect(text).toContain('"lang","fi"');
    } finally {
      module.encodeViaTurboStream = original;
    }
  });
});
