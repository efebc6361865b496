/**
 * Information governance: what a person may ask for about their own record, and how long records are kept.
 * Subject access gives a person who accessed their record and an export of their data (JSON and PDF) with
 * other people's details redacted, recorded as a disclosure to them. Retention lists records whose
 * retention period has ended for review; a record is anonymised only after a recorded approval by a
 * safeguarding lead or an administrator, leaving a stub of what, when, by whom and under which rule.
 */
package org.waymark.governance;
