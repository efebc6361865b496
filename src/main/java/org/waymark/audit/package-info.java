/**
 * The append-only audit trail: who did what to which object, when, from where, and whether it was
 * allowed. Every write, every read of personal data, every refused access and every sign-in attempt.
 */
package org.waymark.audit;
