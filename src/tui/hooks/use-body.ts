import { useEffect, useState } from 'react';
import type { BodyRef } from '../../model/index.js';
import type { BodyContent } from '../body/body-content.js';
import { type BodyCache, immediateContent } from '../body/body-cache.js';

/**
 * A body's content for display: at once when its text is in memory,
 * otherwise "loading" until the lazy read (through the cache) settles.
 */
export function useBody(ref: BodyRef | undefined, cache: BodyCache, active: boolean): BodyContent {
  const immediate = immediateContent(ref);
  const [loaded, setLoaded] = useState<{ ref: BodyRef; content: BodyContent } | undefined>(undefined);
  useEffect(() => {
    if (!active || immediate || !ref) return;
    let live = true;
    cache.get(ref).then(
      (bytes) => live && setLoaded({ ref, content: { kind: 'bytes', bytes } }),
      (err: unknown) => live && setLoaded({ ref, content: { kind: 'error', message: err instanceof Error ? err.message : String(err) } }),
    );
    return () => {
      live = false;
    };
  }, [ref, cache, active, immediate === undefined]);
  if (immediate) return immediate;
  if (loaded && loaded.ref === ref) return loaded.content;
  return { kind: 'loading' };
}
