/**
 * A part of a page that only some of its users see (the staff's forms on the pilot page, the contact
 * form on an artist's page), in its own chunk, so that the page's first load does not fetch it for
 * everyone else (docs/decisions/151).
 *
 * - On the server the part is in the HTML like the rest of the page: the server renders the whole page
 *   before it sends it (`onAllReady` in app/entry.server.tsx), with one Suspense boundary written in
 *   place however large (`progressiveChunkSize`), so its forms work without JavaScript.
 * - In the browser React leaves the server's HTML of a Suspense boundary as it is until the part's
 *   chunk has arrived, then hydrates it: nothing is shown twice or taken away. The part is memoized so
 *   that a render of the page before then (a navigation starting, a translation arriving) does not
 *   reach the boundary while its props are the same; a boundary updated before it hydrated would be
 *   drawn again by the browser without the server's HTML. Its props must therefore be stable (loader
 *   and action data, primitives, module constants), not objects made in the page's render.
 * - `preload()` starts fetching the chunk: the page calls it when its data says the user sees the
 *   part (in its render, before React reaches the boundary, and in a `clientLoader`, so that a
 *   navigation to the page waits for the chunk instead of showing the page without the part).
 */
import { type ComponentType, lazy, memo, Suspense } from "react";

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    // A failed fetch is tried again by the next call.
    loading ??= load().then(
      (component) => ({ default: component }),
      (error) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(preload) as unknown as ComponentType<P>;
  // biome-ignore lint/correctness/noComponentHookFactories: made once per part, at the top of a route module
  function Part(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(memo(Part), { preload });
}
