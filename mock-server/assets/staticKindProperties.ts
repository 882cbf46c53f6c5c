/**
 * A registry feature's properties for the static kinds, from their declarations
 * (src/protocol/kindSpecs.ts): the common properties and each detail-card field — a number, a code
 * by its word, or a link (http, https, rtsp or rtmp). Every field is optional; strict like the rest.
 */
import { z } from 'zod';
import { STATIC_KINDS, type StaticKind } from '../../src/protocol/assets';
import { KIND_SPECS, type KindField } from '../../src/protocol/kindSpecs';

const fieldSchema = (f: KindField): z.ZodType => {
  if (f.format === 'link') return z.string().trim().max(500).regex(/^(https?|rtsp|rtmp):\/\//i, 'must be an http(s), rtsp or rtmp address');
  if (f.format === 'code') return z.enum(f.codes as [string, ...string[]]);
  if (f.format === 'text') return z.string().trim().min(1).max(200);
  return z.number().nonnegative().max(1e7);
};

/** Per static kind: its geometry, columns and schema, as KIND_PROPERTIES holds the others'. `common`: the properties every kind has. */
/** What a static kind's properties read as: the common ones (its fields are read by name, as its columns list them). */
export type StaticKindOutput = { kind: StaticKind; id: string; name: string; nameEn?: string; district?: string; simulator?: undefined };

export function staticKindProperties(common: z.ZodRawShape) {
  return Object.fromEntries(
    STATIC_KINDS.map((kind) => {
      const fields = KIND_SPECS[kind].detail.fields;
      const shape = Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f).optional()]));
      return [kind, { geometry: KIND_SPECS[kind].geometry === 'area' ? 'Polygon' : 'Point', columns: { thresholds: [] as string[], attributes: fields.map((f) => f.name) }, schema: z.strictObject({ kind: z.literal(kind), ...common, ...shape }) }];
    }),
  ) as unknown as Record<StaticKind, { geometry: 'Point' | 'Polygon'; columns: { thresholds: string[]; attributes: string[] }; schema: z.ZodType<StaticKindOutput> }>;
}
