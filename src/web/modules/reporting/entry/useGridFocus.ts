import type { InputRef } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { moveFrom, type Move, type NavMatrix } from './gridModel';

/** Focus between the grid's inputs: registration, moving by key press, jumping to a cell from the issue list. */
export function useGridFocus(matrix: NavMatrix) {
  const inputs = useRef(new Map<string, InputRef>());
  const current = useRef(matrix);
  useEffect(() => {
    current.current = matrix;
  }, [matrix]);

  const register = useCallback((key: string, input: InputRef | null) => {
    if (input) inputs.current.set(key, input);
    else inputs.current.delete(key);
  }, []);

  const focusCell = useCallback((key: string) => {
    const input = inputs.current.get(key);
    if (!input) return false;
    input.input?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    input.focus({ cursor: 'all' });
    return true;
  }, []);

  const move = useCallback(
    (key: string, m: Move) => {
      const target = moveFrom(current.current, key, m);
      return target ? focusCell(target) : false;
    },
    [focusCell],
  );

  return { register, focusCell, move };
}
