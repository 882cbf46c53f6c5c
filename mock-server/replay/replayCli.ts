/**
 * `npm run replay -- FILE --format floodnet|usgs|senml --map MAP.csv [--speed 100] [--from ISO]
 * [--until ISO] (--to URL | --mqtt URL) [--key NAME:KEY]`: sends a recorded series to a running
 * server as an integration would, with progress on stderr and a closing count on stdout. Exits 0 when
 * everything was sent, 1 when sending stopped (a wrong key, an unreachable server), 2 on bad
 * arguments or an unreadable file or map, 130 on Ctrl-C. Documented in docs/ingest.md (Replay).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { httpSender } from './httpSender';
import { connectMqtt, mqttSender } from './mqttSender';
import { readRecording, REPLAY_FORMATS } from './readRecording';
import { RecordingError, type RecordedSeries } from './recordedReading';
import { parseReplayMap, ReplayMapError } from './replayMap';
import { planReplay, type ReplayPlan } from './replayPlan';
import { progressFor } from './replayProgress';
import { SendError, type ReplaySender } from './replaySender';
import { summaryLines } from './replayTally';
import { runReplay } from './runReplay';

const USAGE = 'usage: npm run replay -- FILE --format floodnet|usgs|senml --map MAP.csv [--speed 100] [--from ISO] [--until ISO] (--to URL | --mqtt URL) [--key NAME:KEY]';

/** An ISO 8601 time; without a zone it is UTC (as the replay reads FloodNet's times). */
const RecordedTime = z
  .string()
  .transform((s) => Date.parse(/T[^Z+-]*$/.test(s) ? `${s}Z` : s))
  .refine(Number.isFinite, 'an ISO 8601 time (2023-09-29T06:00Z)');

const Args = z
  .object({
    format: z.enum(REPLAY_FORMATS, { error: `one of ${REPLAY_FORMATS.join(', ')}` }),
    map: z.string({ error: 'the map file (source_id,parameter,kind,asset_id,measure) is required' }).min(1),
    speed: z.coerce.number().min(0, '0 (as fast as possible) or more'),
    to: z.url({ protocol: /^https?$/, error: 'the server, http://host:port' }).optional(),
    mqtt: z.url({ protocol: /^(mqtts?|wss?)$/, error: 'the broker, mqtt://host:port' }).optional(),
    key: z
      .string()
      .regex(/^[^:]+:.+$/, 'NAME:KEY, the integration\'s name and key')
      .transform((s) => ({ name: s.slice(0, s.indexOf(':')), key: s.slice(s.indexOf(':') + 1) }))
      .optional(),
    from: RecordedTime.optional(),
    until: RecordedTime.optional(),
  })
  .refine((a) => (a.to === undefined) !== (a.mqtt === undefined), { message: 'one of --to URL (HTTP) or --mqtt URL', path: ['to'] })
  .refine((a) => a.mqtt !== undefined || a.key !== undefined, { message: 'HTTP needs the integration key: --key NAME:KEY or CITYOPS_REPLAY_KEY', path: ['key'] });

const say = (line: string) => process.stderr.write(`replay: ${line}\n`);

function fail(code: number, message: string): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(code);
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;

async function main() {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      allowPositionals: true,
      options: { format: { type: 'string' }, map: { type: 'string' }, speed: { type: 'string', default: '100' }, to: { type: 'string' }, mqtt: { type: 'string' }, key: { type: 'string' }, from: { type: 'string' }, until: { type: 'string' } },
    });
  } catch (err) {
    fail(2, `${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsedArgs;
  if (positionals.length !== 1) fail(2, `one recording file, please (got ${positionals.length})\n${USAGE}`);
  const parsed = Args.safeParse({ ...values, key: values.key ?? (process.env.CITYOPS_REPLAY_KEY || undefined) });
  if (!parsed.success) fail(2, `${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}\n${USAGE}`);
  const a = parsed.data;
  const file = positionals[0];

  let recording: RecordedSeries;
  let plan: ReplayPlan;
  try {
    recording = readRecording(a.format, readFileSync(file, 'utf8'), Date.now());
    for (const note of recording.notes) say(`${basename(file)}: ${note}`);
    const map = parseReplayMap(readFileSync(a.map, 'utf8'), a.map);
    plan = planReplay(recording, map, { speed: a.speed, startMs: Date.now(), fromMs: a.from, untilMs: a.until });
  } catch (err) {
    if (err instanceof RecordingError) fail(2, `${file}: ${err.message}`);
    if (err instanceof ReplayMapError) fail(2, err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') fail(2, (err as Error).message);
    throw err;
  }
  const { readings } = plan;
  const target = a.to ?? a.mqtt!;
  if (readings.length > 0) {
    const first = readings[0];
    const last = readings[readings.length - 1];
    const series = new Set(readings.map((r) => `${r.kind}/${r.assetId}/${r.measure}`)).size;
    say(`${readings.length.toLocaleString('en-US')} readings of ${series} mapped series, recorded ${iso(first.recordedMs)} → ${iso(last.recordedMs)}, sent as ${iso(first.tMs)} → ${iso(last.tMs)}`);
    say(`to ${target} ${a.speed === 0 ? 'as fast as it answers' : `at ${a.speed}× real time: about ${duration(last.dueMs)}`}`);
  } else say('no reading to send: the map names none of the recording\'s series (or --from/--until leaves none)');

  let sender: ReplaySender;
  try {
    sender = a.to !== undefined ? httpSender({ url: a.to, key: a.key!.key }) : mqttSender(await connectMqtt(a.mqtt!, a.key));
  } catch (err) {
    if (err instanceof SendError) fail(1, err.message);
    throw err;
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const result = await runReplay(plan, { sender, progress: progressFor(process.stderr, readings.length), signal: abort.signal, minIntervalMs: a.speed === 0 ? 0 : 250 });
  await sender.close();
  const lines = summaryLines(result.tally, { reader: recording.skipped, unmapped: plan.unmapped, outsideWindow: plan.outsideWindow });
  process.stdout.write(`${lines.join('\n')}\n`);
  if (result.stopped === 'interrupted') fail(130, `interrupted after ${result.tally.sent} of ${readings.length} readings`);
  if (result.stopped !== undefined) fail(1, `stopped after ${result.tally.sent} of ${readings.length} readings: ${result.stopped}`);
}

main().catch((err) => {
  console.error('replay failed:', err);
  process.exit(1);
});
