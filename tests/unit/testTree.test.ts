/**
 * The unit test tree mirrors the source tree: tests/unit/<root>/<folder>/X.test.ts tests code in
 * <root>/<folder>/, so a reader finds a module's tests by its path; a test of a file at the top of the
 * repository (eslint.config.js) sits at the top of tests/unit, named after it. A test left behind when
 * its code moves, or filed under a folder the code does not have, fails here.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const UNIT = join(ROOT, 'tests/unit');
const SOURCE_ROOTS = ['src', 'mock-server', 'bench'];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.ts') ? [relative(UNIT, path)] : [];
  });
}

describe('the unit test tree', () => {
  const files = testFiles(UNIT).filter((f) => f !== 'testTree.test.ts');

  it('has every test under a source root, or named after a top-level file', () => {
    expect(files.length).toBeGreaterThan(50);
    const topLevelFiles = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isFile());
    const mirrorsTopLevel = (f: string) => !f.includes('/') && topLevelFiles.some((name) => name.replace(/\.[^.]+$/, '') === f.replace(/\.test\.ts$/, ''));
    expect(files.filter((f) => !SOURCE_ROOTS.includes(f.split('/')[0]) && !mirrorsTopLevel(f))).toEqual([]);
  });

  it('files each test in a folder the source has', () => {
    const orphans = files.filter((f) => {
      const folder = f.split('/').slice(0, -1).join('/');
      return !existsSync(join(ROOT, folder)) || !statSync(join(ROOT, folder)).isDirectory();
    });
    expect(orphans).toEqual([]);
  });
});
