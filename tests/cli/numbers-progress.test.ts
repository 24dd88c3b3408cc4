/** The progress bar of `npm run numbers`: on a terminal only, so piped and --json output stay clean lines. */
import { PassThrough } from 'node:stream';
import { progress } from '../../src/cli/numbers-progress';
import type { OutStream } from '../../src/cli/world';

/** A stream that says whether it is a terminal, and keeps what was written to it. */
function stream(isTTY: boolean): OutStream & { text(): string } {
  const through = new PassThrough();
  let written = '';
  through.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return Object.assign(through, { isTTY, columns: 80, text: () => written }) as unknown as OutStream & {
    text(): string;
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test.each([
  ['not a terminal', false, true],
  ['disabled (--json)', true, false],
])('%s: nothing is drawn', async (_what, isTTY, enabled) => {
  const out = stream(isTTY);
  const bar = progress(out, enabled);
  bar.onProgress(1, 3);
  bar.stop();
  await settle();
  expect(out.text()).toBe('');
});

test('on a terminal: drawn from the first number done up to the total, then cleared', async () => {
  const out = stream(true);
  const bar = progress(out, true);
  bar.stop(); // before any number: nothing to clear
  await settle();
  expect(out.text()).toBe('');
  bar.onProgress(1, 3);
  bar.onProgress(3, 3);
  bar.stop();
  await settle();
  // Started at 0 of the total, redrawn at most so often (1/3 may be skipped), always at the end.
  expect(out.text()).toContain('numbers [░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 0/3');
  expect(out.text()).toContain('numbers [████████████████████████████████████████] 3/3');
  expect(out.text().endsWith('\u001b[2K')).toBe(true); // the line erased: the summary prints on a clean line
});
