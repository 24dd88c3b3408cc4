/**
 * twilio-run --live (the local default) empties the require cache before every request, so a
 * function file is read, compiled and run again each time, and its first call parses the
 * configuration again: for the 30 KB router that was ~2 ms a request, four times the runtime's own
 * cost (bench/reload.ts). Deployed, a function is loaded once per instance.
 *
 * So each built file carries its bundle as a comment, which the parser skips in microseconds, and
 * compiles it only when this process has not compiled this very build of this file yet (a content
 * hash); a load after that reuses the exports, warm. A new build has a new hash, so an edit is live
 * on the next request, as --live promises. Every load is counted (`loads`), so the router knows when
 * to read its routing asset again (src/runtime/reloads.ts). Still one self-contained file.
 *
 * `Function` compiles in the caller's realm, as `require` does (a test runner's sandbox included);
 * where code generation from strings is disabled (--disallow-code-generation-from-strings), the
 * `vm` module, which that flag leaves alone, compiles it instead.
 */
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';
import { RELOADS_KEY } from '../runtime/reloads';

/** The bundle's own parameters, as Node's CommonJS loader passes them. */
const PARAMETERS = 'exports,require,module,__filename,__dirname';
/** The bundle sits between these: a comment in a function that is never called. */
const BEFORE = 'function bundle(){/*';
const AFTER = '*/}';

/**
 * The loader, minified below (each file carries it, and functions have a size budget). Filled in:
 * __KEY__ the Symbol.for name, __ID__ the bundle's content hash, __PARAMETERS__ the bundle's
 * parameters, __START__ and __END__ where the bundle is in `String(bundle)`, __UNESCAPE__ what undoes
 * escapeComment, when it had anything to do. A SyntaxError would be thrown by `vm` just the same.
 */
const LOADER = `"use strict";
const built = (globalThis[Symbol.for(__KEY__)] ??= { loads: 0, files: {} });
built.loads++;
const id = __ID__;
const loaded = built.files[__filename];
if (loaded?.id === id) module.exports = loaded.exports;
else {
  const parameters = __PARAMETERS__;
  const body = String(bundle).slice(__START__, __END__)__UNESCAPE__ + "\\n//# sourceURL=" + __filename;
  let compiled;
  try {
    compiled = Function(parameters, body);
  } catch {
    compiled = require("node:vm").runInThisContext("(function(" + parameters + "){" + body + "\\n})", \
{ filename: __filename });
  }
  compiled.call(exports, exports, require, module, __filename, __dirname);
  built.files[__filename] = { id, exports: module.exports };
}
`;

/**
 * A comment ends at the first `*` + `/`: those the bundle holds (in a string or a pattern) are
 * written with a character the bundle does not contain between them, and the loader takes it out.
 */
function escapeComment(bundle: string): { text: string; unescape: string } {
  if (!bundle.includes('*/')) return { text: bundle, unescape: '' };
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const mark = String.fromCharCode(code);
    if (bundle.includes(mark)) continue;
    return {
      text: bundle.replaceAll('*/', `*${mark}/`),
      unescape: `.replaceAll(${JSON.stringify(`*${mark}/`)}, "*/")`,
    };
  }
  throw new Error('the bundle uses every private-use character: it cannot be written as a comment');
}

/**
 * The file to write for `bundle` (esbuild's CommonJS output): the minified loader, then the bundle
 * as the body of a comment in a function that is never called.
 */
export function reusable(bundle: string): string {
  const { text, unescape } = escapeComment(bundle);
  const id = createHash('sha256').update(bundle).digest('base64url').slice(0, 12);
  const loader = transformSync(
    LOADER.replaceAll('__KEY__', JSON.stringify(RELOADS_KEY))
      .replaceAll('__ID__', JSON.stringify(id))
      .replaceAll('__PARAMETERS__', JSON.stringify(PARAMETERS))
      .replaceAll('__START__', String(BEFORE.length))
      .replaceAll('__END__', String(-AFTER.length))
      .replaceAll('__UNESCAPE__', unescape),
    { minify: true, target: 'node20', format: 'cjs', charset: 'ascii' },
  ).code;
  return `// SMS Switchboard: see src/build/reuse.ts\n${loader}${BEFORE}${text}${AFTER}\n`;
}
