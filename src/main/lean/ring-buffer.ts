/** Keeps the last `capacity` items (stderr lines, message logs) without unbounded growth. */
export class RingBuffer<T> {
  private items: T[] = []

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    this.items.push(item)
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity)
  }

  toArray(): T[] {
    return [...this.items]
  }

  clear(): void {
    this.items = []
  }
}
