// TLC's "average outdegree" statistics (ModelChecker.printSummary, EC.TLC_STATE_GRAPH_OUTDEGREE):
// per expanded state, the number of NEW states it led to (Worker.unseenSuccessorStates, raised
// in Worker.writeState), kept in 32 buckets with the last one absorbing larger values
// (FixedSizedBucketStatistics), summarised as in AbstractBucketStatistics.

export interface OutDegree {
  readonly min: number;
  /** Math.round(mean), as printSummary prints it */
  readonly mean: number;
  /** Math.round(getPercentile(0.95)) */
  readonly p95: number;
  readonly max: number;
}

export class OutDegreeStats {
  private readonly buckets = new Float64Array(32);
  private observations = 0;

  add(amount: number): void {
    this.buckets[Math.min(this.buckets.length - 1, amount)]!++;
    this.observations++;
  }

  /** undefined when nothing was expanded (TLC then prints no outdegree line) */
  summary(): OutDegree | undefined {
    if (this.observations === 0) return undefined;
    let min = -1;
    let max = -1;
    let sum = 0;
    this.buckets.forEach((count, i) => {
      if (count === 0) return;
      if (min < 0) min = i;
      max = i;
      sum += count * i;
    });
    // getPercentile: the first bucket whose cumulative count exceeds floor(n * q)
    const pos = Math.floor(this.observations * 0.95);
    let cnt = 0;
    let p95 = max;
    for (let i = 0; i < this.buckets.length; i++) {
      cnt += this.buckets[i]!;
      if (cnt > pos) {
        p95 = i;
        break;
      }
    }
    return { min, mean: Math.round(sum / this.observations), p95, max };
  }
}
