/**
 * Runs tasks one after another per key (a chat), in the order they were started. Decoding a message
 * awaits the platform (member names, group topics) for varying times; without this, two quick lines
 * from one person could reach the dispatcher in the wrong order.
 */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
