import { createContext, useCallback, useContext, useEffect, useId, useState, type ReactNode } from 'react';

type Mark = (id: string, isDemo: boolean) => void;

const MarkContext = createContext<Mark | null>(null);
const ShownContext = createContext(false);

/** Tracks whether any part of the current page shows demo data, so the layout can say so. */
export function DemoDataProvider({ children }: { children: ReactNode }) {
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const mark = useCallback<Mark>(
    (id, isDemo) =>
      setMarked((prev) => {
        if (prev.has(id) === isDemo) return prev;
        const next = new Set(prev);
        if (isDemo) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  return (
    <MarkContext.Provider value={mark}>
      <ShownContext.Provider value={marked.size > 0}>{children}</ShownContext.Provider>
    </MarkContext.Provider>
  );
}

export function useShowsDemoData(): boolean {
  return useContext(ShownContext);
}

/** Call from a page with whether the data it shows is demo data. */
export function useDemoData(isDemo: boolean): void {
  const mark = useContext(MarkContext);
  const id = useId();
  useEffect(() => {
    mark?.(id, isDemo);
    return () => mark?.(id, false);
  }, [mark, id, isDemo]);
}
