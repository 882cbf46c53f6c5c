/** The shapes of a webhook, shared by the file (webhooksFile.ts) and the admin API (http/webhookRoutes.ts). */
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './webhookEvents';

export const WebhookIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, dots, dashes or underscores');
export const WebhookUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });
export const WebhookSecretSchema = z.string().min(16, 'must be at least 16 characters');
export const WebhookEventsSchema = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'must name at least one event');

export const WebhookSpecSchema = z.strictObject({
  id: WebhookIdSchema,
  url: WebhookUrlSchema,
  secret: WebhookSecretSchema,
  events: WebhookEventsSchema,
});
export type WebhookSpec = z.infer<typeof WebhookSpecSchema>;

export const WebhooksFileSchema = z
  .strictObject({
    retry: z.strictObject({ baseMs: z.number().int().min(10).default(1000), maxMs: z.number().int().min(10).default(3_600_000) }).optional(),
    webhooks: z.array(WebhookSpecSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.webhooks.forEach((h, i) => {
      if (seen.has(h.id)) ctx.addIssue({ code: 'custom', path: ['webhooks', i, 'id'], message: `"${h.id}" is named twice` });
      seen.add(h.id);
    });
  });
export type WebhooksFile = z.infer<typeof WebhooksFileSchema>;
