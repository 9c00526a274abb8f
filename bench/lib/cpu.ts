// CPU accounting for a measured window on a shared machine: the whole machine (/proc/stat), this
// process, and other processes by pid (the PostgreSQL backends serving the benchmark's database), so
// a result can say how much CPU each filing cost and how much went to neighbours.
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const TICK_MS = 10; // USER_HZ = 100 on Linux

function machineTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
}

/** Linux thread ids of this process (to tell a worker thread's CPU from the rest). */
export function threadIds(): number[] {
  return readdirSync('/proc/self/task').map(Number);
}

function pidMs(pid: number, thread = false): number {
  try {
    const s = readFileSync(thread ? `/proc/self/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime + stime
  } catch { return 0; }
}

export interface CpuSnapshot { at: number; machine: { idle: number; total: number }; proc: NodeJS.CpuUsage; pids: Map<number, number>; threads: Map<number, number> }

/** pids: other processes (database backends); threads: threads of this process to account separately (the load generator). */
export function snapshot(pids: number[] = [], threads: number[] = []): CpuSnapshot {
  return {
    at: performance.now(), machine: machineTicks(), proc: process.cpuUsage(),
    pids: new Map(pids.map((p) => [p, pidMs(p)])), threads: new Map(threads.map((t) => [t, pidMs(t, true)])),
  };
}

/** CPU used between two snapshots, in cores (1 = one core busy the whole time). */
export function usage(a: CpuSnapshot, b: CpuSnapshot) {
  const sec = (b.at - a.at) / 1000;
  const cores = availableParallelism();
  const totalTicks = Math.max(1, b.machine.total - a.machine.total);
  const machineCores = (1 - (b.machine.idle - a.machine.idle) / totalTicks) * cores;
  const nodeCores = ((b.proc.user - a.proc.user) + (b.proc.system - a.proc.system)) / 1e6 / sec;
  // A process that ended in between (an idle pool connection closed) has no end figure: counted as 0.
  const delta = (x: Map<number, number>, y: Map<number, number>) => { let t = 0; for (const [k, ms] of x) t += Math.max(0, (y.get(k) || ms) - ms); return t / 1000 / sec; };
  const pidCores = delta(a.pids, b.pids);
  return {
    seconds: sec,
    machineCores, nodeCores, dbCores: pidCores, threadCores: delta(a.threads, b.threads),
    /** CPU used by everything else on the machine (other users' processes, PostgreSQL's background writers). */
    otherCores: Math.max(0, machineCores - nodeCores - pidCores),
  };
}

/** Waits (up to maxSec) until the machine has been nearly idle for 3 s: for fairer runs on a shared machine. */
export async function waitForIdle(maxSec: number, busyCores = 0.3): Promise<{ waitedSec: number; idle: boolean }> {
  const t0 = performance.now();
  for (;;) {
    const a = snapshot();
    await new Promise((ok) => setTimeout(ok, 3000));
    const u = usage(a, snapshot());
    if (u.machineCores - u.nodeCores <= busyCores) return { waitedSec: (performance.now() - t0) / 1000, idle: true };
    if ((performance.now() - t0) / 1000 >= maxSec) return { waitedSec: (performance.now() - t0) / 1000, idle: false };
  }
}
