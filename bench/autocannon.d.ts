// autocannon ships no types; the benchmark uses it through bench/cannon.ts only.
declare module 'autocannon' {
  const autocannon: (options: unknown) => PromiseLike<unknown> & { on(event: string, listener: (...args: never[]) => void): void };
  export default autocannon;
}
