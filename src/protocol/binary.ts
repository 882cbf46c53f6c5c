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

/** Float32 view of a chunk, e.g. catalogue positions. */
export function toFloat32(chunk: BinaryChunk): Float32Array {
  const buffer = toArrayBuffer(chunk);
  if (buffer.byteLength % 4 !== 0) throw new RangeError('Float32 chunk length is not a multiple of 4');
  return new Float32Array(buffer);
}
