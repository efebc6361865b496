/**
 * Domestic abuse incidents, disclosures and notifications with the people involved, each person's
 * chronology across agencies, and the facts the decision rules need derived from records rather
 * than typed: incidents and police call-outs in the last 12 months, escalation, serial and repeat
 * perpetrators.
 */
package org.waymark.incidents;
