/**
 * Two preallocated typed arrays used in turn. deck.gl re-uploads a binary attribute when its value
 * object changes identity, so alternating between two fixed buffers updates the GPU every frame
 * without allocating a new array per update.
 */
export interface AttributeValue<T extends Uint8Array | Float32Array = Uint8Array> {
  value: T;
  size: number;
  normalized?: boolean;
}

export class SwapBuffer<T extends Uint8Array | Float32Array = Uint8Array> {
  private readonly slots: [AttributeValue<T>, AttributeValue<T>];
  private index = 0;

  /** RGBA colours by default (normalised u8); pass `make` for another element type. */
  constructor(count: number, size = 4, make: (length: number) => T = (n) => new Uint8Array(n) as T) {
    const normalized = make(0) instanceof Uint8Array;
    const slot = (): AttributeValue<T> => ({ value: make(count * size), size, ...(normalized ? { normalized } : {}) });
    this.slots = [slot(), slot()];
  }

  /** The buffer to write next; becomes current once returned. */
  next(): AttributeValue<T> {
    this.index ^= 1;
    return this.slots[this.index];
  }

  get current(): AttributeValue<T> {
    return this.slots[this.index];
  }
}

/** Two Float32 buffers in turn, e.g. positions that move (team vehicles). */
export function floatSwapBuffer(count: number, size: number): SwapBuffer<Float32Array> {
  return new SwapBuffer<Float32Array>(count, size, (n) => new Float32Array(n));
}
