import { lazy, Suspense, type ComponentType, type ReactElement } from "react";
import { Spinner } from "./ui/Spinner";

/**
 * A page loaded on first visit, so the signed-in areas (and their libraries,
 * like dnd-kit and recharts) stay out of the public site's bundle.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ReactElement {
  const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
  return (
    <Suspense fallback={<Spinner label="Loading" />}>
      <Page />
    </Suspense>
  );
}
