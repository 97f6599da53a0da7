// Device arrival and removal in user space, where libibverbs has no add/remove callback.
//
// Measured in the rxe guest (kernel 6.1.0-56, rdma-core 44; test/rxe/probe-removal.sh):
// while `rdma link delete rxe0` is pending because this process holds rxe0 open,
//   1. /dev/infiniband/uverbs0 is unlinked first: inotify on /dev/infiniband reports it (~60 ms
//      before 2.);
//   2. ibv_get_device_list (which rescans sysfs on every call) no longer lists rxe0;
//   3. /sys/class/infiniband/rxe0 stays until the last context is closed;
//   4. no async event arrives (rxe has no disassociate, so no IBV_EVENT_DEVICE_FATAL), and every
//      verb on the held context still succeeds;
//   5. `rdma monitor` (RDMA netlink monitoring, kernel 6.12+) does not exist on that kernel;
//   6. rdma_cm gives no RDMA_CM_EVENT_DEVICE_REMOVAL either (test/rxe/probe-cm-removal.sh: rping
//      over rxe1 kept running, the delete stayed pending for 20 s, blocked in
//      ib_uverbs_remove_one → __wait_for_common per sysrq-w, until the rping client was killed).
// So the signal is "a device we saw listed is no longer listed": inotify on /dev/infiniband wakes
// the check at once, and a slow poll of the device list covers kernels or containers where the
// char device is not there to watch. Only after the user closes every context can the delete finish.
import { existsSync, watch, type FSWatcher } from 'node:fs';

export interface ListedDevice {
  readonly name: string;
  readonly guid: string;
}

interface Known {
  guid: string;
  generation: number;
  listed: boolean;
}

/** Tracks which devices are listed, gives each registration a generation, and reports the ones that vanish. */
export class DeviceTracker {
  private readonly known = new Map<string, Known>();
  private nextGeneration = 0;

  /** Feed one device-list scan; returns the registrations that disappeared since the last scan. */
  update(listed: readonly ListedDevice[]): { name: string; generation: number }[] {
    const now = new Set(listed.map((d) => d.name));
    const gone: { name: string; generation: number }[] = [];
    for (const [name, k] of this.known) {
      if (k.listed && !now.has(name)) {
        k.listed = false;
        gone.push({ name, generation: k.generation });
      }
    }
    for (const d of listed) {
      const k = this.known.get(d.name);
      // A name reused after a delete, or a new GUID under the same name, is a new registration.
      if (!k || !k.listed || k.guid !== d.guid) this.known.set(d.name, { guid: d.guid, generation: ++this.nextGeneration, listed: true });
    }
    return gone;
  }

  generation(name: string): number {
    return this.known.get(name)?.generation ?? 0;
  }
}

export const UVERBS_DIR = '/dev/infiniband';

/** Wakes `check` on inotify events in /dev/infiniband and every `pollMs` otherwise; never keeps the process alive. */
export class RemovalWatcher {
  private timer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;

  constructor(
    private readonly check: () => void,
    private readonly pollMs = 250,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.pollMs);
    this.timer.unref();
    if (existsSync(UVERBS_DIR)) {
      try {
        this.watcher = watch(UVERBS_DIR, () => this.check());
        this.watcher.unref();
        this.watcher.on('error', () => this.watcher?.close());
      } catch {
        this.watcher = undefined;  // no inotify here: the poll alone still finds the removal
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
  }
}
