// Preloaded into the measured command (node -r): writes its peak resident set size (maxRSS, KiB)
// to BENCH_RSS_FILE when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out !== undefined && out !== '')
  process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
