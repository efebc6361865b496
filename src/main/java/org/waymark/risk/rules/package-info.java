/**
 * The rule table of decision-rules.md, sections A to C: one {@link org.waymark.risk.rules.Rule}
 * per row, each carrying its id and the procedure it comes from, listed in running order by
 * {@link org.waymark.risk.rules.RuleBook}. Rules are pure: they read the case facts and write only
 * to the evaluation's {@link org.waymark.risk.rules.RuleContext}. Which rules a partnership runs is
 * configuration, never an if on a profile name.
 */
package org.waymark.risk.rules;
