/**
 * Two preallocated typed arrays used in turn. deck.gl re-uploads a binary attribute when its value
 * object changes identity, so alternating between two fixed buffers updates the GPU every frame
 * without allocating a new array per update. `write` keeps the current half when a rewrite changed
 * nothing: most readings move within their colour band, and an unchanged attribute is no update at all.
 */
export interface AttributeValue<T extends Uint8Array | Float32Array = Uint8Array> {
  value: T;
  size: number;
  normalized?: boolean;
}

export class SwapBuffer<T extends Uint8Array | Float32Array = Uint8Array> {
  private readonly slots: [AttributeValue<T>, AttributeValue<T>];
  /** 32-bit views of the two halves, to compare them a word at a time. */
  private readonly words: [Uint32Array, Uint32Array];
  private index = 0;

  /** RGBA colours by default (normalised u8); pass `make` for another element type. */
  constructor(count: number, size = 4, make: (length: number) => T = (n) => new Uint8Array(n) as T) {
    const normalized = make(0) instanceof Uint8Array;
    const slot = (): AttributeValue<T> => ({ value: make(count * size), size, ...(normalized ? { normalized } : {}) });
    this.slots = [slot(), slot()];
    // Byte buffers are RGBA (size 4), so every buffer is whole 32-bit words.
    const words = (v: T) => new Uint32Array(v.buffer, v.byteOffset, v.byteLength / 4);
    this.words = [words(this.slots[0].value), words(this.slots[1].value)];
  }

  /**
   * Rewrites the buffer through `fill`, which gets the next half holding a copy of the current one
   * (so it may rewrite only part of it). The next half becomes current only if it differs; returns
   * whether it did.
   */
  write(fill: (out: T) => void): boolean {
    const current = this.words[this.index];
    const next = this.words[this.index ^ 1];
    next.set(current);
    fill(this.slots[this.index ^ 1].value);
    for (let i = 0; i < next.length; i++) {
      if (next[i] !== current[i]) {
        this.index ^= 1;
        return true;
      }
    }
    return false;
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
