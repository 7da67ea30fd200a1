import type { EgmIssue } from './types.js';

/** How many issues the error's `message` spells out; `issues` always holds all of them. */
const MESSAGE_ISSUES = 20;

/** Formats one issue as `path: message` (a problem with the whole file has an empty path). */
export function formatIssue(issue: EgmIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/**
 * The only error `parseMap` (and every importer) throws for bad input.
 * `issues` lists every problem found, each with its JSON path.
 */
export class EgmValidationError extends Error {
  readonly issues: readonly EgmIssue[];

  constructor(issues: readonly EgmIssue[], what = 'map') {
    const n = issues.length;
    const head = `Invalid ${what}: ${n} problem${n === 1 ? '' : 's'}`;
    const lines = issues.slice(0, MESSAGE_ISSUES).map((i) => `- ${formatIssue(i)}`);
    if (n > MESSAGE_ISSUES) lines.push(`- … and ${n - MESSAGE_ISSUES} more`);
    super([head, ...lines].join('\n'));
    this.name = 'EgmValidationError';
    this.issues = issues;
  }
}

/** True for the library's validation error, also across copies of the library on one page. */
export function isEgmValidationError(error: unknown): error is EgmValidationError {
  return (
    error instanceof EgmValidationError ||
    (error instanceof Error && error.name === 'EgmValidationError' && Array.isArray((error as EgmValidationError).issues))
  );
}
