import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../../../mock-server/webhooks/webhookSignature';

describe('webhook signature', () => {
  const body = '{"id":"incident.created:INC-1:v1"}';

  it('is t=<seconds>,v1=<HMAC-SHA256 hex of "t.body">', () => {
    const expected = createHmac('sha256', 's3cret-s3cret-s3cret').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader('s3cret-s3cret-s3cret', 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own header, and refuses another secret, a changed body, an old or malformed one', () => {
    const header = signatureHeader('s3cret-s3cret-s3cret', 1000, body);
    expect(verifySignature('s3cret-s3cret-s3cret', header, body, 1000)).toBe(true);
    expect(verifySignature('other-secret-other', header, body, 1000)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', header, `${body} `, 1000)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', header, body, 1000 + 301)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', 'v1=abc', body, 1000)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', 't=1000,v1=ab', body, 1000)).toBe(false);
  });
});
