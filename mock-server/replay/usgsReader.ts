/**
 * USGS NWIS instantaneous values in WaterML-JSON (`waterservices.usgs.gov/nwis/iv/?format=json`) as
 * recorded readings. Each time series is one site and one parameter (`00065` gage height in feet,
 * `00060` discharge in ft³/s…); its values are strings, with times carrying their offset, and a value
 * equal to the series' `noDataValue` (-999999) means the gauge had nothing: skipped and counted.
 */
import { z } from 'zod';
import { countSkipped, inTimeOrder, RecordingError, type RecordedReading, type RecordedSeries } from './recordedReading';

const CodeList = z.array(z.object({ value: z.string() })).min(1);

const TimeSeries = z.object({
  name: z.string().optional(),
  sourceInfo: z.object({ siteName: z.string().optional(), siteCode: CodeList }),
  variable: z.object({
    variableCode: CodeList,
    unit: z.object({ unitCode: z.string() }).optional(),
    noDataValue: z.number().nullable().optional(),
  }),
  values: z.array(z.object({ value: z.array(z.object({ value: z.unknown(), dateTime: z.string() })) })),
});

const Response = z.object({ value: z.object({ timeSeries: z.array(z.unknown()) }) });

/** Reads a WaterML-JSON response; throws RecordingError when it is not one. */
export function readUsgsWaterMl(json: unknown): RecordedSeries {
  const response = Response.safeParse(json);
  if (!response.success) throw new RecordingError('not a USGS WaterML-JSON response: it has no value.timeSeries list');
  const readings: RecordedReading[] = [];
  const skipped = new Map<string, number>();
  const notes: string[] = [];
  response.data.value.timeSeries.forEach((raw, i) => {
    const parsed = TimeSeries.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RecordingError(`timeSeries[${i}] is not a WaterML time series: ${issue.path.join('.')}: ${issue.message}`);
    }
    const ts = parsed.data;
    const site = ts.sourceInfo.siteCode[0].value;
    const parameter = ts.variable.variableCode[0].value;
    const unit = ts.variable.unit?.unitCode;
    const noData = ts.variable.noDataValue ?? undefined;
    let count = 0;
    for (const block of ts.values) {
      for (const point of block.value) {
        const v = typeof point.value === 'string' && point.value.trim() !== '' ? Number(point.value) : Number.NaN;
        const tMs = Date.parse(point.dateTime);
        if (noData !== undefined && v === noData) countSkipped(skipped, `no-data values (${noData})`);
        else if (!Number.isFinite(v)) countSkipped(skipped, 'values that are not numbers');
        else if (!Number.isFinite(tMs)) countSkipped(skipped, 'values without a readable time');
        else {
          readings.push(unit === undefined ? { sourceId: site, parameter, tMs, v } : { sourceId: site, parameter, tMs, v, unit });
          count++;
        }
      }
    }
    notes.push(`site ${site}${ts.sourceInfo.siteName ? ` (${ts.sourceInfo.siteName})` : ''} parameter ${parameter}${unit ? ` in ${unit}` : ''}: ${count} values`);
  });
  if (response.data.value.timeSeries.length === 0) notes.push('the response has no time series: USGS had no data for the sites and period asked');
  return { readings: inTimeOrder(readings), skipped, notes };
}
