/**
 * The MARAC cycle (Multi-Agency Risk Assessment Conference): referral of an adult victim at high risk,
 * repeat detection across agencies, review within one working day, IDVA allocation, meetings with an
 * agenda, each agency's research, the action plan and each agency's open actions.
 */
package org.waymark.marac;
