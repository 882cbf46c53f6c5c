/**
 * The zod schemas of the Open311 routes (issue 16): path formats, the request list's filters and a
 * new request's fields, as the GeoReport v2 spec names them. The OpenAPI document is generated from
 * them (http/openApiRoutes.ts).
 */
import { z } from 'zod';

const ApiKey = z.string().min(1).max(256).optional().meta({ description: 'An integration key (CITYOPS_INTEGRATION_KEYS); X-Api-Key or a bearer session token also do' });

/** `.json` or `.xml`, as the spec's paths end. */
export const FormatParams = z.object({ format: z.enum(['json', 'xml'], { error: () => 'the format must be json or xml' }) });
export const ServiceParams = FormatParams.extend({ code: z.string().min(1).max(64) });
export const RequestParams = FormatParams.extend({ id: z.string().min(1).max(64) });
export const TokenParams = FormatParams.extend({ token: z.string().min(1).max(64) });

export const KeyQuery = z.object({ api_key: ApiKey });

const commaList = <T extends string>(what: string, item: z.ZodType<T, string>) =>
  z.string().max(2000).transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== '')).pipe(z.array(item).min(1, `${what} is empty`));

const DateTime = (name: string) =>
  z.string().max(40).refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), `${name} must be a W3C date-time such as 2026-07-15T14:00:00+08:00`);

export const RequestListQuery = z.object({
  api_key: ApiKey,
  service_request_id: commaList('service_request_id', z.string().min(1).max(64)).optional(),
  service_code: commaList('service_code', z.string().min(1).max(64)).optional(),
  start_date: DateTime('start_date').optional(),
  end_date: DateTime('end_date').optional(),
  status: commaList('status', z.enum(['open', 'closed'], { error: () => 'status must be open, closed or both' })).optional(),
});

const Coordinate = z.union([z.number(), z.string().trim().regex(/^-?\d{1,3}(\.\d+)?$/, 'must be a decimal number').transform(Number)]);
const Text = (max: number) => z.string().max(max, `longer than ${max} characters`);

/**
 * A new service request, form-encoded or JSON. Attribute answers come as `attribute[code]` fields
 * (or an `attribute` object in JSON), so other fields are let through and checked by the route.
 */
export const NewRequestBody = z.looseObject({
  api_key: ApiKey,
  service_code: z.string({ error: 'service_code is required' }).min(1, 'service_code is required').max(64),
  lat: Coordinate.optional(),
  long: Coordinate.optional(),
  address_string: Text(500).optional(),
  address_id: Text(64).optional(),
  email: Text(200).optional(),
  device_id: Text(200).optional(),
  account_id: Text(200).optional(),
  first_name: Text(100).optional(),
  last_name: Text(100).optional(),
  phone: Text(50).optional(),
  description: Text(1500).optional(),
  media_url: Text(500).optional(),
});
export type NewRequestBody = z.infer<typeof NewRequestBody>;
