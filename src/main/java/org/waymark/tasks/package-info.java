/**
 * Work with an owner and a deadline: the follow-up the procedures require (a MASH triage, a school's
 * acknowledgement, a MARAC review, an action). Each deadline is a durable db-scheduler execution that
 * fires once across instances and restarts; overdue work is escalated once, recorded and shown to the
 * owner's managers, and to another agency where the procedure says so.
 */
package org.waymark.tasks;
