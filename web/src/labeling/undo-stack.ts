/**
 * Undo and redo over whole snapshots of a state. A 256×256 label map is 64 KiB, so keeping
 * `limit` copies is cheaper than the bookkeeping of diffs, and cannot get out of step.
 */
export class UndoStack<T> {
  readonly #undo: T[] = [];
  #redo: T[] = [];

  constructor(private readonly limit = 100) {}

  /** Call before an edit with the state as it was; a new edit makes the redo history moot. */
  record(before: T): void {
    this.#undo.push(before);
    if (this.#undo.length > this.limit) this.#undo.shift();
    this.#redo = [];
  }

  /** The state to go back to, given the one now shown; undefined when there is none. */
  undo(current: T): T | undefined {
    const previous = this.#undo.pop();
    if (previous !== undefined) this.#redo.push(current);
    return previous;
  }

  redo(current: T): T | undefined {
    const next = this.#redo.pop();
    if (next !== undefined) this.#undo.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  clear(): void {
    this.#undo.length = 0;
    this.#redo = [];
  }
}
