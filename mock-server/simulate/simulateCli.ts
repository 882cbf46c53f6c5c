/**
 * `npm run simulate -- --mqtt URL [--key NAME:KEY] [--seed N] [--scale shanghai|stress] [--scenario showers|storm|calm] [--every 60]`
 *
 * The simulator as a process of its own that reports its sensors over MQTT, as a city's gateways
 * would, in real time (readings carry the time they were measured, and the server refuses readings
 * from its future): every `--every` seconds each sensor's readings as SenML packs on
 * `cityops/v1/senml` (QoS 1), and pump states between full reports when they change. Run the
 * server with `--simulator off` (same seed and scale: the same assets) and the wall shows the
 * simulated city arriving by the real path. The simulator's world does not hear the server's desk
 * (teams sent, pumps repaired): those stay in the server.
 */
import { parseArgs } from 'node:util';
import { connectAsync } from 'mqtt';
import { z } from 'zod';
import { loadCityGeo } from '../city/cityGeo';
import { SCALE_NAMES } from '../city/scaleProfiles';
import { forkCityRngs } from '../simulator/citySimulation';
import { RAIN_SCENARIO_IDS, type RainScenarioId } from '../simulator/scenarios/rainScenarios';
import { SimulatedCity } from '../simulator/simulatedCity';
import type { ChannelId } from '../../src/protocol/channels';
import { measureColumns, packsOfMoment } from './senmlOfCity';

const Args = z.object({
  mqtt: z.url('--mqtt needs a broker URL, e.g. mqtt://127.0.0.1:1883'),
  key: z
    .string()
    .regex(/^[^:]+:.{24,}$/, '--key is NAME:KEY (a key of 24+ characters, as in CITYOPS_INTEGRATION_KEYS)')
    .optional(),
  seed: z.coerce.number().int().default(Number(process.env.CITYOPS_SEED ?? 20260701)),
  scale: z.enum(SCALE_NAMES).default('shanghai'),
  scenario: z.enum(RAIN_SCENARIO_IDS as [RainScenarioId, ...RainScenarioId[]]).default('showers'),
  every: z.coerce.number().int().min(1).max(3600).default(60),
});

const TOPIC = 'cityops/v1/senml';

async function main() {
  const { values } = parseArgs({
    options: Object.fromEntries(['mqtt', 'key', 'seed', 'scale', 'scenario', 'every'].map((k) => [k, { type: 'string' as const }])),
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`simulate: ${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const a = parsed.data;
  const [username, ...rest] = a.key?.split(':') ?? [];
  const client = await connectAsync(a.mqtt, { username, password: rest.length ? rest.join(':') : undefined, reconnectPeriod: 1000 });
  const city = new SimulatedCity(loadCityGeo(), { seed: a.seed, scale: a.scale, scenario: a.scenario, startTime: Math.floor(Date.now() / 1000) * 1000 }, forkCityRngs(a.seed));
  const columns = measureColumns(city.assets);
  const last = new Map<ChannelId, Float64Array>();
  const everyMs = a.every * 1000;
  let published = 0;
  let packs = 0;
  let nextFull = city.timeMs;
  console.log(`simulate: ${columns.reduce((n, c) => n + c.ids.length, 0)} sensor measures (seed ${a.seed}, ${a.scale}, ${a.scenario}) → ${a.mqtt} ${TOPIC}, every ${a.every} s`);

  const tick = async () => {
    for (const moment of city.advanceTo(Math.floor(Date.now() / 1000) * 1000)) {
      const full = moment.timeMs >= nextFull;
      if (full) nextFull += everyMs;
      for (const pack of packsOfMoment(columns, (id) => city.read(id), moment.timeMs, full, last)) {
        await client.publishAsync(TOPIC, JSON.stringify(pack), { qos: 1 });
        published += pack.length;
        packs++;
      }
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return; // the broker is slower than the city: skip a second rather than queue
    busy = true;
    tick()
      .catch((err) => console.error(`simulate: ${(err as Error).message}`))
      .finally(() => (busy = false));
  }, 1000);
  const status = setInterval(() => console.log(`simulate: ${new Date(city.timeMs).toISOString()} — ${published} readings in ${packs} packs so far`), 10_000);
  const stop = async () => {
    clearInterval(timer);
    clearInterval(status);
    await client.endAsync();
    console.log(`simulate: stopped after ${published} readings in ${packs} packs`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(`simulate: ${(err as Error).message}`);
  process.exit(1);
});
