/**
 * How a channel's values are written on the wire (channelCodec.ts has the layout). A leaf module:
 * the channel table names each channel's format and the codec reads it, so neither imports the other
 * for it.
 */
export const WIRE_TYPES = ['f32', 'u8', 'u16', 'u4'] as const;
export type WireType = (typeof WIRE_TYPES)[number];

/** How a channel's values are written on the wire. */
export interface WireFormat {
  type: WireType;
  /** Step of a scaled u8/u16 code (value = code × scale); absent: codes are the values themselves. */
  scale?: number;
}
