import { formatProblem, type Problem } from '../config/problem';

export function printProblems(problems: readonly Problem[], write = (line: string) => console.error(line)): void {
  for (const problem of problems) write(formatProblem(problem));
}
