import { useCallback, useRef, useState } from 'react';
import { type UiEvent, reduce } from '../state/reducer.js';
import { type UiState, initialState } from '../state/ui-state.js';

/**
 * The reducer with a synchronously readable current state: several keys can
 * arrive in one input chunk, and each must see the state the previous one left.
 */
export function useStore(): { state: UiState; dispatch: (e: UiEvent) => void; current: () => UiState } {
  const ref = useRef<UiState>(initialState());
  const [state, setState] = useState<UiState>(ref.current);
  const dispatch = useCallback((event: UiEvent) => {
    ref.current = reduce(ref.current, event);
    setState(ref.current);
  }, []);
  const current = useCallback(() => ref.current, []);
  return { state, dispatch, current };
}
