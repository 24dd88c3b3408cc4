import * as v from 'valibot';
import { error, type Problem } from './problem';

/** `numbers.+15005550006.to[1]`: where an issue sits, readable by someone editing the file. */
function placeOf(issue: v.BaseIssue<unknown>, root: string): string {
  let place = root;
  for (const step of issue.path ?? []) {
    place += typeof step.key === 'number' ? `[${step.key}]` : place === '' ? String(step.key) : `.${String(step.key)}`;
  }
  return place;
}

/** Validates `input` against `schema` and lists every problem at once. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  root = '',
): { output?: v.InferOutput<S>; problems: Problem[] } {
  const result = v.safeParse(schema, input);
  if (result.success) return { output: result.output, problems: [] };
  return { problems: result.issues.map((issue) => error(placeOf(issue, root), issue.message)) };
}
