import { describe, expect, it } from 'vitest';
import { incidentStates } from '@/map/incidentStates';

describe('incidentStates', () => {
  it('lists the open incidents the map draws with their status', () => {
    const list = [
      { id: 'INC-000001', status: 'new' as const },
      { id: 'INC-000002', status: 'dispatched' as const },
      { id: 'INC-000003', status: 'resolved' as const },
    ];
    expect(incidentStates(list)).toBe('INC-000001:new,INC-000002:dispatched');
    expect(incidentStates([])).toBe('');
  });
});
