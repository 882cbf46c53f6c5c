import { describe, expect, it } from 'vitest';
import { IncidentTransitionCommandSchema } from '@/protocol/events';
import { AUDIT_ACTIONS, IncidentListQuerySchema, TransitionRequestSchema } from '@/protocol/workOrders';

describe('the work-order commands’ schemas', () => {
  it('take the supervisor’s verdicts as transitions; a rework only with the finding as its note', () => {
    expect(TransitionRequestSchema.parse({ to: 'verified', expectedVersion: 4 })).toEqual({ to: 'verified', expectedVersion: 4 });
    expect(TransitionRequestSchema.parse({ to: 'reworked', expectedVersion: 4, note: '路面未恢复' }).note).toBe('路面未恢复');
    const bare = TransitionRequestSchema.safeParse({ to: 'reworked', expectedVersion: 4 });
    expect(bare.success).toBe(false);
    expect(bare.error?.issues[0]).toMatchObject({ path: ['note'], message: 'a rework needs a note saying what failed the check' });
    expect(TransitionRequestSchema.safeParse({ to: 'reworked', expectedVersion: 4, note: '  ' }).success).toBe(false);
    expect(TransitionRequestSchema.safeParse({ to: 'dispatched', expectedVersion: 4 }).success).toBe(false);
  });

  it('holds the same rule on the socket command', () => {
    expect(IncidentTransitionCommandSchema.safeParse({ id: 'INC-000001', to: 'reworked', expectedVersion: 1 }).success).toBe(false);
    expect(IncidentTransitionCommandSchema.safeParse({ id: 'INC-000001', to: 'reworked', expectedVersion: 1, note: '积水未排净' }).success).toBe(true);
    expect(IncidentTransitionCommandSchema.safeParse({ id: 'INC-000001', to: 'verified', expectedVersion: 1 }).success).toBe(true);
  });

  it('records verify and rework in the audit trail, and lists verified incidents', () => {
    expect(AUDIT_ACTIONS).toContain('verify');
    expect(AUDIT_ACTIONS).toContain('rework');
    expect(IncidentListQuerySchema.parse({ status: 'verified,resolved' }).status).toEqual(['verified', 'resolved']);
    expect(IncidentListQuerySchema.safeParse({ status: 'checked' }).success).toBe(false);
  });
});
