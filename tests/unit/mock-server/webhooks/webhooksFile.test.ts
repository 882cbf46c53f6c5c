import { describe, expect, it } from 'vitest';
import { parseWebhooksFile, WebhooksFileError } from '../../../../mock-server/webhooks/webhooksFile';

function problemsOf(text: string): string[] {
  try {
    parseWebhooksFile(text, 'hooks.yaml');
  } catch (err) {
    if (err instanceof WebhooksFileError) return err.problems;
    throw err;
  }
  return [];
}

describe('the webhooks file', () => {
  it('reads webhooks and the retry settings, with defaults', () => {
    const file = parseWebhooksFile('retry:\n  baseMs: 200\nwebhooks:\n  - id: police\n    url: https://police.example/hook\n    secret: 0123456789abcdef\n    events: [closure.issued]\n', 'hooks.yaml');
    expect(file).toEqual({ retry: { baseMs: 200, maxMs: 3_600_000 }, webhooks: [{ id: 'police', url: 'https://police.example/hook', secret: '0123456789abcdef', events: ['closure.issued'] }] });
  });

  it('names the line and field of every problem, all at once', () => {
    const text = [
      'webhooks:',
      '  - id: police',
      '    url: ftp://police.example',
      '    secret: short',
      '    events: [closure.issued, bogus]',
      '  - id: police',
      '    url: https://x.example',
      '    secret: 0123456789abcdef',
      '    events: [alarm.critical]',
      '    colour: red',
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems[0]).toMatch(/^hooks\.yaml:3 webhooks\[0\]\.url: must be an http or https URL/);
    expect(problems[1]).toMatch(/^hooks\.yaml:4 webhooks\[0\]\.secret: must be at least 16 characters/);
    expect(problems[2]).toMatch(/^hooks\.yaml:5 webhooks\[0\]\.events\[1\]: /);
    expect(problems.some((p) => /^hooks\.yaml:10 webhooks\[1\]\.colour: unknown field/.test(p))).toBe(true);
    expect(problemsOf('webhooks:\n  - id: a\n    url: https://a.example\n    secret: 0123456789abcdef\n    events: [alarm.critical]\n  - id: a\n    url: https://b.example\n    secret: 0123456789abcdef\n    events: [alarm.critical]\n')).toEqual(['hooks.yaml:6 webhooks[1].id: "a" is named twice']);
  });

  it('says a missing field is required, and reports YAML syntax errors with their line', () => {
    expect(problemsOf('webhooks:\n  - id: a\n    url: https://a.example\n    events: [alarm.critical]\n')).toEqual(['hooks.yaml:2 webhooks[0].secret: is required']);
    expect(problemsOf('webhooks: [\n')[0]).toMatch(/^hooks\.yaml:\d+ /);
  });
});
