/**
 * Two preallocated typed arrays used in turn. deck.gl re-uploads a binary attribute when its value
 * object changes identity, so alternating between two fixed buffers updates the GPU every frame
 * without allocating a new array per update.
 */
export interface AttributeValue {
  value: Uint8Array;
  size: number;
  normalized: boolean;
}

export class SwapBuffer {
  private readonly slots: [AttributeValue, AttributeValue];
  private index = 0;

  constructor(count: number, size = 4) {
    const make = (): AttributeValue => ({ value: new Uint8Array(count * size), size, normalized: true });
    this.slots = [make(), make()];
  }

  /** The buffer to write next; becomes current once returned. */
  next(): AttributeValue {
    this.index ^= 1;
    return this.slots[this.index];
  }

  get current(): AttributeValue {
    return this.slots[this.index];
  }
}
