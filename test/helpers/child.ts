import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process whose stdout lines can be awaited by predicate, with a timeout that names what was awaited. */
export class Child {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly lines: string[] = [];
  stderr = '';
  private waiters: { pred: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  private seenUpTo = 0;

  constructor(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string) {
    this.proc = spawn(cmd, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    createInterface({ input: this.proc.stdout }).on('line', (l) => {
      this.lines.push(l);
      this.waiters = this.waiters.filter((w) => (w.pred(l) ? (w.resolve(l), false) : true));
    });
  }

  /** Waits for the next line (after those already consumed by earlier waits) matching pred. */
  async next(pred: (l: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    for (let i = this.seenUpTo; i < this.lines.length; i++) {
      if (pred(this.lines[i]!)) {
        this.seenUpTo = i + 1;
        return this.lines[i]!;
      }
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; stdout:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        pred,
        resolve: (l) => {
          clearTimeout(timer);
          this.seenUpTo = this.lines.length;
          resolve(l);
        },
      });
    });
  }

  send(line: string): void {
    this.proc.stdin.write(`${line}\n`);
  }

  async exit(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    return new Promise((r) => this.proc.once('exit', (code) => r(code)));
  }
}
