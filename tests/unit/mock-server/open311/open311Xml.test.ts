import { describe, expect, it } from 'vitest';
import { open311Xml, open311XmlObject } from '../../../../mock-server/open311/open311Xml';

describe('open311Xml', () => {
  it('writes a root of items, nulls as empty elements, text escaped', () => {
    expect(open311Xml('errors', 'error', [{ code: 403, description: 'a <b> & "c"' }, { code: 400, description: null }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code><description>a &lt;b&gt; &amp; &quot;c&quot;</description></error><error><code>400</code><description></description></error></errors>\n',
    );
    expect(open311Xml('services', 'service', [])).toContain('<services></services>');
  });

  it('nests a definition\'s attributes and values under their own item names', () => {
    const xml = open311XmlObject('service_definition', { service_code: 'x', attributes: [{ code: 'a', required: true, values: [{ key: 'k', name: 'n' }] }] });
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>x</service_code><attributes><attribute><code>a</code><required>true</required><values><value><key>k</key><name>n</name></value></values></attribute></attributes></service_definition>\n');
  });
});
