import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../../mock-server/http/redactUrl';

describe('redactUrl', () => {
  it('blanks a kiosk link token and keeps the other parameters as sent', () => {
    expect(redactUrl('/?kiosk=1&director=1&access=abc%2Bdef')).toBe('/?kiosk=1&director=1&access=[redacted]');
  });

  it('blanks api_key, token and access_token, whatever their case or escaping', () => {
    expect(redactUrl('/open311/v2/requests.json?API_KEY=k1&service_code=x')).toBe('/open311/v2/requests.json?API_KEY=[redacted]&service_code=x');
    expect(redactUrl('/a?token=t&access%5Ftoken=u')).toBe('/a?token=[redacted]&access%5Ftoken=[redacted]');
  });

  it('leaves a URL without secrets, or without a query, unchanged', () => {
    expect(redactUrl('/api/health')).toBe('/api/health');
    expect(redactUrl('/api/x?tokens=1&q=%E0%A4')).toBe('/api/x?tokens=1&q=%E0%A4');
    expect(redactUrl('/a?access')).toBe('/a?access=[redacted]');
  });
});
