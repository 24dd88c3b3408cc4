import { SingleBar, Presets } from 'cli-progress';
import type { OutStream } from './world';

export interface Progress {
  readonly onProgress: (done: number, total: number) => void;
  stop(): void;
}

const NONE: Progress = { onProgress: () => undefined, stop: () => undefined };

/** A progress bar on a terminal only: piped or --json output stays clean lines. */
export function progress(stream: OutStream, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return NONE;
  const bar = new SingleBar(
    { stream, format: 'numbers [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
