import { html, nothing, type TemplateResult } from 'lit';
import { formatMessage } from '../core/i18n.js';
import type { EgmIssue } from '../core/types.js';
import { en, type EgmStrings } from '../i18n/en.js';

/** How many problems an error state lists before "and N more". */
export const ISSUES_SHOWN = 50;

/** The language and strings of an error state: an element's `LocaleController` will do. */
export interface IssuesLocale {
  readonly lang: string;
  readonly s: Pick<EgmStrings, 'issues'>;
}

const ENGLISH: IssuesLocale = { lang: 'en', s: en };

/**
 * The readable error state every element shows for invalid input: what is wrong, where, and
 * how many problems there are. Text only: paths and messages are never parsed as HTML. The
 * heading and the count are in `l10n`'s language (English by default); the problems, from
 * core, stay English.
 */
export function renderIssues(heading: string, issues: readonly EgmIssue[], l10n: IssuesLocale = ENGLISH): TemplateResult {
  const more = issues.length - ISSUES_SHOWN;
  const t = l10n.s.issues;
  return html`<div class="error" part="error" role="alert">
    <h2>${formatMessage(l10n.lang, t.heading, { heading, n: issues.length })}</h2>
    <ul>
      ${issues.slice(0, ISSUES_SHOWN).map((i) => html`<li>${i.path ? html`<code>${i.path}</code>: ` : nothing}${i.message}</li>`)}
      ${more > 0 ? html`<li>${formatMessage(l10n.lang, t.more, { n: more })}</li>` : nothing}
    </ul>
  </div>`;
}
