/**
 * Built function files count how often this process loaded them (src/build/reuse.ts): under
 * twilio-run --live that is once per request, deployed once per instance. A cache of something the
 * runtime may change between requests (a local asset file) is checked again when the count moved.
 */
export const RELOADS_KEY = 'sms-switchboard.built';

interface Built {
  readonly loads: number;
}

// The loader creates it before it runs the bundle: read once, it is one property read per call.
const built = Reflect.get(globalThis, Symbol.for(RELOADS_KEY)) as Built | undefined;

/** Loads of built function files in this process so far; 0 when running from source (tests). */
export const loads = (): number => built?.loads ?? 0;
