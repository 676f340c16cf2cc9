/**
 * ScheduleStore kept in memory: for tests, the CLI and demo mode. The app uses the SQLite one.
 * Returns copies so callers cannot change stored state by mutating results.
 */
import type { Job, JobOutcome, LastRun, RunTrigger, ScheduleStore } from './scheduler-types';

/** A recorded run, as the history screen would list it. */
export interface MemoryRun extends LastRun {
  jobId: number;
}

export interface MemoryScheduleStore extends ScheduleStore {
  /** adds or replaces a job (by id) */
  putJob(job: Job): void;
  runs(): MemoryRun[];
}

/** Creates an empty store, optionally seeded with jobs and lastCheckedAt values. */
export function createMemoryScheduleStore(jobs: Job[] = [], lastCheckedAt: Record<number, number> = {}): MemoryScheduleStore {
  const jobMap = new Map<number, Job>(jobs.map((j) => [j.id, structuredClone(j)]));
  const checked = new Map<number, number>(Object.entries(lastCheckedAt).map(([k, v]) => [Number(k), v]));
  const runList: MemoryRun[] = [];
  return {
    listJobs: () => [...jobMap.values()].map((j) => structuredClone(j)),
    putJob: (job) => void jobMap.set(job.id, structuredClone(job)),
    getLastRun(jobId) {
      const run = runList.filter((r) => r.jobId === jobId).at(-1);
      if (!run) return null;
      const { jobId: _omit, ...last } = structuredClone(run);
      return last;
    },
    recordRunStart(jobId: number, trigger: RunTrigger, atMs: number) {
      const runId = runList.length + 1;
      runList.push({ runId, jobId, trigger, startedAtMs: atMs, finishedAtMs: null, outcome: null });
      return runId;
    },
    recordRunEnd(runId: number, outcome: JobOutcome, atMs: number) {
      const run = runList[runId - 1];
      if (!run) throw new Error(`unknown run ${runId}`);
      run.finishedAtMs = atMs;
      run.outcome = structuredClone(outcome);
    },
    getLastCheckedAt: (jobId) => checked.get(jobId) ?? null,
    setLastCheckedAt: (jobId, atMs) => void checked.set(jobId, atMs),
    runs: () => structuredClone(runList),
  };
}
