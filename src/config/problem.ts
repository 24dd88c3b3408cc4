/** One thing wrong with the configuration, said so that the reader knows what to change. */
export interface Problem {
  readonly level: 'error' | 'warning';
  /** Where: a variable name (`FORWARD_TO`) or a place in the routing file (`numbers.+15005550006.to[0]`). */
  readonly where: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export const error = (where: string, message: string): Problem => ({ level: 'error', where, message });
export const warning = (where: string, message: string): Problem => ({ level: 'warning', where, message });

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.level === 'error');

export function formatProblem(problem: Problem): string {
  return `${problem.level}: ${problem.where}: ${problem.message}`;
}
