package org.waymark.risk;

/**
 * An answer to a checklist question. NOT_KNOWN exists so that an unknown is never recorded as
 * "no" (SafeLives guidance on the DASH).
 */
public enum Answer {
    YES, NO, NOT_KNOWN
}
