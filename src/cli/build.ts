// `npm run build`: validate the configuration, then bundle functions and copy assets to dist/.
import { buildProject } from '../build/build';
import { printProblems } from './print-problems';
import { EXIT, runMain } from './exit';

export async function main(root = process.cwd()): Promise<number> {
  const result = await buildProject(root);
  printProblems(result.problems);
  if (!result.ok) {
    console.error('Build refused: fix the configuration errors above, then run `npm run build` again.');
    return EXIT.invalidInput;
  }
  console.log(`Built ${result.functions.length} functions into dist/functions and the assets into dist/assets.`);
  return EXIT.ok;
}

if (require.main === module) runMain(() => main());
