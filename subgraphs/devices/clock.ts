/**
 * The devices subgraph reads "now" through this one function, so that status (online/offline from
 * last-seen), broadcast slots and uptime windows can be tested without sleeping. Production never
 * replaces it.
 */
let current: () => Date = () => new Date();

export function deviceNow(): Date {
  return current();
}

/** Replaces the clock (tests); returns a function that restores the previous one. */
export function setDeviceClock(clock: () => Date): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
  };
}
