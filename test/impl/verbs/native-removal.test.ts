// Device arrival/removal bookkeeping of the native backend (impl/verbs/native/removal.ts): pure
// logic, no device or addon needed. Expected values follow the rules stated there: a device that
// was listed and no longer is has gone (once); a name listed again, or under a new GUID, is a new
// registration with the next generation number.
import { describe, expect, it, vi } from 'vitest';
import { DeviceTracker, RemovalWatcher } from '../../../impl/verbs/native/removal.js';

const rxe0 = { name: 'rxe0', guid: '0200000000000001' };
const rxe1 = { name: 'rxe1', guid: '0200000000000002' };

describe('DeviceTracker', () => {
  it('numbers registrations in order of first sight and reports nothing while the list is unchanged', () => {
    const t = new DeviceTracker();
    expect(t.update([rxe0, rxe1])).toEqual([]);
    expect([t.generation('rxe0'), t.generation('rxe1'), t.generation('rxe9')]).toEqual([1, 2, 0]);
    expect(t.update([rxe0, rxe1])).toEqual([]);
  });

  it('reports a device that left the list exactly once, with the generation it had', () => {
    const t = new DeviceTracker();
    t.update([rxe0, rxe1]);
    expect(t.update([rxe1])).toEqual([{ name: 'rxe0', generation: 1 }]);
    expect(t.update([rxe1])).toEqual([]);
    expect(t.update([])).toEqual([{ name: 'rxe1', generation: 2 }]);
  });

  it('gives a name that comes back (rdma link add after delete) a new generation', () => {
    const t = new DeviceTracker();
    t.update([rxe0]);
    t.update([]);
    t.update([rxe0]);
    expect(t.generation('rxe0')).toBe(2);
    expect(t.update([])).toEqual([{ name: 'rxe0', generation: 2 }]);
  });

  it('treats the same name under a new GUID as a new registration', () => {
    const t = new DeviceTracker();
    t.update([rxe0]);
    expect(t.update([{ name: 'rxe0', guid: 'ffff000000000000' }])).toEqual([]);
    expect(t.generation('rxe0')).toBe(2);
  });
});

describe('RemovalWatcher', () => {
  it('polls every pollMs until stopped; a second start does not add a second poll', () => {
    vi.useFakeTimers();
    try {
      let checks = 0;
      const w = new RemovalWatcher(() => checks++, 10);
      w.start();
      w.start();
      vi.advanceTimersByTime(75); // polls at 10, 20, ..., 70 ms
      expect(checks).toBe(7);
      w.stop();
      vi.advanceTimersByTime(100);
      expect(checks).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });
});
