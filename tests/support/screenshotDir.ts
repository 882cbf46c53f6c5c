/**
 * Where browser tests save the screenshots they take: test-results/screenshots by default, so a test
 * run leaves the checked-in docs alone; `CITYOPS_SCREENSHOT_DIR=docs/screenshots` refreshes the docs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function screenshotPath(name: string): string {
  const dir = process.env.CITYOPS_SCREENSHOT_DIR ?? 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
