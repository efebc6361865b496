/**
 * The children's pathway: police notifications of domestic incidents with children in the household, MASH
 * triage and the threshold decision, strategy discussions and school notifications (Operation Encompass,
 * SDAT), each with a deadline nobody can miss silently. The pathway's own rules ({@link SchoolCalendar},
 * {@link TriageRules}, {@link Thresholds}) are plain Java naming the procedure paragraph they come from.
 */
package org.waymark.children;
