/** The machine a run measured: numbers mean something only next to it. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  /** 1-minute load average when the run started and ended: other work on the machine shows here. */
  readonly loadAverage: { start: number; end?: number };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: os.cpus() below.
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function machine(): Machine {
  return {
    node: process.version,
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    loadAverage: { start: loadavg()[0] },
  };
}
