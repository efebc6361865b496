package org.waymark.risk;

/** How serious the incident was, as judged by the police or the practitioner. */
public enum Severity {
    MINOR, STANDARD, SERIOUS
}
