/** feedEntries over the shared CAP feeds as they are (../shared/data/cap-1.2/feeds): Atom and RSS entries, embedded alerts and links. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedEntries, isFeedDocument } from '../../../../mock-server/cap/capFeedEntries';
import { readXmlDocument } from '../../../../mock-server/cap/readXmlDocument';

const CAP_DIR = join(__dirname, '../../../../../shared/data/cap-1.2');
const entriesOf = (file: string) => feedEntries(readXmlDocument(readFileSync(join(CAP_DIR, file))));

describe('feedEntries', () => {
  it('reads an Atom index: ids, updated, and the link to each CAP document', () => {
    const entries = entriesOf('feeds/weather_index.atom');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ id: expect.stringMatching(/^http:\/\/www\.weather\.gov\/alerts-beta\/wwacapget\.php\?x=/), updated: '2010-08-30T23:04:00-04:00', alerts: [] });
    expect(entries[0]!.links).toEqual([entries[0]!.id]);
  });

  it('reads the CAP alert an Atom entry embeds', () => {
    const [entry] = entriesOf('feeds/canada_signed.atom');
    expect(entry!.alerts.map((a) => [a.name, a.ns])).toEqual([['alert', 'urn:oasis:names:tc:emergency:cap:1.2']]);
  });

  it('prefers a link typed application/cap+xml', () => {
    const [entry] = entriesOf('examples-spec/earthquake-TRI13970876.1-in-atom.xml');
    expect(entry).toMatchObject({ id: 'TRI13970876.1', links: ['http://earthquake.usgs.gov/earthquakes/catalogs/cap/us2010apcd'] });
  });

  it('reads an RSS index: guid and link per item', () => {
    const entries = entriesOf('feeds/ny_index.rss');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({ id: 'NYAlert-ALLHAZALERT-3167113', updated: 'Fri, 04 Feb 2011 20:20:00 GMT', alerts: [], links: ['http://www.nyalert.gov/Public/News/GetCapAlert.aspx?capID=NYAlert-ALLHAZALERT-3167113'] });
  });

  it('takes an empty feed as no entries, a lone alert as one, and anything else as no feed', () => {
    expect(entriesOf('feeds/empty_weather_index.atom')).toEqual([]);
    expect(entriesOf('alerts/canada.cap')).toHaveLength(1);
    expect(isFeedDocument(readXmlDocument(Buffer.from('<html><body/></html>')))).toBe(false);
  });
});
