package org.waymark.risk.internal;

/** One checklist answer as stored: YES, NO or NOT_KNOWN, the practitioner's note and the source. */
record StoredAnswer(String answer, String detail, String source) {
}
