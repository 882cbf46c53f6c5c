/**
 * A CAP 1.2 weather warning over central Pudong, as the Shanghai Central Meteorological Observatory
 * would send it (none of the shared CAP material lies within Shanghai), and posting one to the
 * server's CAP ingest. For the browser tests that need a warning area on the map.
 */

/** Central Pudong (Lujiazui to Zhangjiang and Beicai), a closed ring of [lon, lat]. */
export const PUDONG_RING: [number, number][] = [
  [121.5, 31.26],
  [121.58, 31.29],
  [121.66, 31.22],
  [121.62, 31.13],
  [121.52, 31.14],
  [121.5, 31.26],
];

export const CAP_SENDER = 'sh-meteo@cma.gov.cn';

/** A CAP dateTime (`2026-07-15T14:00:00+08:00`, Shanghai time: CAP forbids `Z`). */
export function capTime(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface CapWarningOptions {
  identifier: string;
  sent: number;
  /** Absent: in force until updated or cancelled. */
  expires?: number;
  msgType?: 'Alert' | 'Update' | 'Cancel';
  /** `sender,identifier,sent` of the alerts an Update or Cancel names. */
  references?: string[];
}

/** The key CAP names this alert by in `references`. */
export const capKey = (o: Pick<CapWarningOptions, 'identifier' | 'sent'>) => `${CAP_SENDER},${o.identifier},${capTime(o.sent)}`;

/** An orange rainstorm warning for central Pudong. */
export function pudongRainstormCap(o: CapWarningOptions): string {
  const polygon = PUDONG_RING.map(([lon, lat]) => `${lat},${lon}`).join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${o.identifier}</identifier>
  <sender>${CAP_SENDER}</sender>
  <sent>${capTime(o.sent)}</sent>
  <status>Actual</status>
  <msgType>${o.msgType ?? 'Alert'}</msgType>
  <scope>Public</scope>${o.references ? `\n  <references>${o.references.join(' ')}</references>` : ''}
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨橙色预警</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <effective>${capTime(o.sent)}</effective>${o.expires ? `\n    <expires>${capTime(o.expires)}</expires>` : ''}
    <senderName>上海中心气象台</senderName>
    <headline>上海中心气象台发布暴雨橙色预警</headline>
    <description>受强降水云团影响，预计未来3小时浦东新区中北部将出现50毫米以上降水。</description>
    <area>
      <areaDesc>浦东新区</areaDesc>
      <polygon>${polygon}</polygon>
    </area>
  </info>
</alert>
`;
}

/** Posts a CAP document with an integration key; the server's answer. */
export async function postCap(baseUrl: string, key: string, xml: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/api/ingest/cap`, { method: 'POST', headers: { 'content-type': 'application/cap+xml', 'x-api-key': key }, body: xml });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
