/**
 * Binary payloads as socket.io delivers them: an ArrayBuffer in browsers, a Node Buffer (a Uint8Array
 * that may sit at an unaligned offset inside a larger buffer) in Node clients.
 */
export type BinaryChunk = ArrayBuffer | Uint8Array;

/** A standalone, 4-byte-aligned ArrayBuffer holding the chunk's bytes (copies only when needed). */
export function toArrayBuffer(chunk: BinaryChunk): ArrayBuffer {
  if (chunk instanceof ArrayBuffer) return chunk;
  if (ArrayBuffer.isView(chunk)) {
    const view = chunk as Uint8Array;
    if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer) {
      return view.buffer;
    }
    // Node's Buffer#slice shares memory, so copy explicitly into a fresh, aligned buffer.
    const copy = new Uint8Array(view.byteLength);
    copy.set(view);
    return copy.buffer;
  }
  throw new TypeError('expected an ArrayBuffer or Uint8Array');
}

/**
 * A view of `bytesPerElement`-sized numbers over a chunk: over the chunk's own memory when it starts
 * aligned inside a plain ArrayBuffer (a column of the packed catalogue), else over an aligned copy.
 */
function alignedBytes(chunk: BinaryChunk, bytesPerElement: number, what: string): { buffer: ArrayBuffer; offset: number; length: number } {
  if (chunk.byteLength % bytesPerElement !== 0) throw new RangeError(`${what} chunk length is not a multiple of ${bytesPerElement}`);
  if (ArrayBuffer.isView(chunk) && chunk.buffer instanceof ArrayBuffer && chunk.byteOffset % bytesPerElement === 0) {
    return { buffer: chunk.buffer, offset: chunk.byteOffset, length: chunk.byteLength / bytesPerElement };
  }
  const buffer = toArrayBuffer(chunk);
  return { buffer, offset: 0, length: buffer.byteLength / bytesPerElement };
}

/** Float32 view of a chunk, e.g. catalogue positions. */
export function toFloat32(chunk: BinaryChunk): Float32Array {
  const { buffer, offset, length } = alignedBytes(chunk, 4, 'Float32');
  return new Float32Array(buffer, offset, length);
}

/** Uint32 view of a chunk, e.g. the starts of the catalogue's paths. */
export function toUint32(chunk: BinaryChunk): Uint32Array {
  const { buffer, offset, length } = alignedBytes(chunk, 4, 'Uint32');
  return new Uint32Array(buffer, offset, length);
}

/** Uint8 view of a chunk, e.g. a district column sent as bytes. */
export function toUint8(chunk: BinaryChunk): Uint8Array {
  return chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk;
}
