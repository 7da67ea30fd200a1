import { html, nothing, type TemplateResult } from 'lit';
import type { EgmIssue } from '../core/types.js';

/** How many problems an error state lists before "and N more". */
export const ISSUES_SHOWN = 50;

/**
 * The readable error state every element shows for invalid input: what is wrong, where, and
 * how many problems there are. Text only: paths and messages are never parsed as HTML.
 */
export function renderIssues(heading: string, issues: readonly EgmIssue[]): TemplateResult {
  const more = issues.length - ISSUES_SHOWN;
  return html`<div class="error" part="error" role="alert">
    <h2>${heading} (${issues.length} problem${issues.length === 1 ? '' : 's'})</h2>
    <ul>
      ${issues.slice(0, ISSUES_SHOWN).map((i) => html`<li>${i.path ? html`<code>${i.path}</code>: ` : nothing}${i.message}</li>`)}
      ${more > 0 ? html`<li>… and ${more} more</li>` : nothing}
    </ul>
  </div>`;
}
