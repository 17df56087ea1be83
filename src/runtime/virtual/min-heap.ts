/** Binary min-heap of (time, worker) pairs, ordered by time then worker: a deterministic event queue. */
export class MinHeap {
  private time: number[] = [];
  private worker: number[] = [];

  get size(): number {
    return this.time.length;
  }

  private less(i: number, j: number): boolean {
    return this.time[i] < this.time[j] || (this.time[i] === this.time[j] && this.worker[i] < this.worker[j]);
  }

  private swap(i: number, j: number): void {
    const t = this.time[i];
    this.time[i] = this.time[j];
    this.time[j] = t;
    const w = this.worker[i];
    this.worker[i] = this.worker[j];
    this.worker[j] = w;
  }

  push(time: number, worker: number): void {
    let i = this.time.length;
    this.time.push(time);
    this.worker.push(worker);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes the smallest entry; read it first with topTime/topWorker. */
  pop(): void {
    const last = this.time.length - 1;
    this.swap(0, last);
    this.time.pop();
    this.worker.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  get topTime(): number {
    return this.time[0];
  }

  get topWorker(): number {
    return this.worker[0];
  }
}
