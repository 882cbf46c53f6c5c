/** `npm run backfill -- --days 7 [--data-dir ./data] [--seed N] [--scenario showers|storm|calm] [--end ISO] [--rules-file FILE]` */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadRuleBook, RulesFileError } from '../rules/ruleBook';
import { RAIN_SCENARIO_IDS, type RainScenarioId } from '../simulator/scenarios/rainScenarios';
import { backfill } from './backfill';

const Args = z.object({
  days: z.coerce.number().int().min(1, 'at least 1 day').max(60, 'at most 60 days'),
  'data-dir': z.string().min(1).default(process.env.CITYOPS_DATA_DIR ?? './data'),
  seed: z.coerce.number().int().default(Number(process.env.CITYOPS_SEED ?? 20260701)),
  scenario: z.enum(RAIN_SCENARIO_IDS as [RainScenarioId, ...RainScenarioId[]]).default('showers'),
  end: z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)).optional(),
  // The same rules as the live server, so the history it writes is the history the server would have.
  'rules-file': z.string().min(1).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { days: { type: 'string', default: '7' }, 'data-dir': { type: 'string' }, seed: { type: 'string' }, scenario: { type: 'string' }, end: { type: 'string' }, 'rules-file': { type: 'string' } },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`backfill: ${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const a = parsed.data;
  const rulesFile = a['rules-file'] ?? (process.env.CITYOPS_RULES_FILE || undefined);
  let rules;
  try {
    rules = rulesFile ? loadRuleBook(rulesFile) : undefined;
  } catch (err) {
    if (!(err instanceof RulesFileError)) throw err;
    console.error(`backfill: ${err.message}`);
    process.exit(2);
  }
  const started = Date.now();
  const result = await backfill({
    dataDir: a['data-dir'],
    days: a.days,
    seed: a.seed,
    scenario: a.scenario,
    rules,
    end: a.end,
    onDay: (date, ms) => console.log(`backfill: ${date} done in ${(ms / 1000).toFixed(1)} s`),
  });
  if (!result.minutes) console.log('backfill: the stored city is already at the end time; nothing to do');
  else console.log(`backfill: ${result.minutes} simulated minutes (${new Date(result.from).toISOString()} → ${new Date(result.to).toISOString()}) into ${a['data-dir']} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error('backfill failed:', err);
  process.exit(1);
});
