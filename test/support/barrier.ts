/** Releases everyone once `parties` callers have arrived: workers start a step together. */
export class Barrier {
  readonly #parties: number;
  #arrived = 0;
  readonly #released: Promise<void>;
  #release: () => void = () => undefined;

  constructor(parties: number) {
    this.#parties = parties;
    this.#released = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  arrive(): Promise<void> {
    this.#arrived++;
    if (this.#arrived >= this.#parties) this.#release();
    return this.#released;
  }
}
