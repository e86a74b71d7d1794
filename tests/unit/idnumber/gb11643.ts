// An independent implementation of the GB 11643-1999 check character for the tests, written from
// ISO 7064 MOD 11-2 as the standard states it: weight of position i (counted from the right,
// the check character being position 1) is 2^(i-1) mod 11, and the check value a1 satisfies
// (Σ ai·Wi) ≡ 1 (mod 11); a1 = 10 is written X. It shares no code or table with the implementation.
export function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k++) {
    const positionFromRight = 18 - k; // k = 0 is position 18
    const weight = 2 ** (positionFromRight - 1) % 11;
    sum += Number(first17[k]) * weight;
  }
  const a1 = (12 - (sum % 11)) % 11;
  return a1 === 10 ? 'X' : String(a1);
}

/** A small seeded generator, so the "random" numbers are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
