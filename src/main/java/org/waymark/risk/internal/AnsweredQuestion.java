package org.waymark.risk.internal;

/** A question as it was asked and answered, frozen with the completed assessment. */
record AnsweredQuestion(String instrumentId, String instrumentVersion, int number, String label, String answer,
                        String detail, String source) {
}
