package org.waymark.platform;

import java.time.LocalDate;

/**
 * One dated event in a person's or family's chronology, from whichever module holds it: an incident, a risk
 * assessment, a police notification, a referral, a meeting. {@code href} is where the caller can open it, or
 * null when it stays with the agency that holds it.
 */
public record ChronologyEvent(LocalDate on, String agencyName, String kind, String summary, String href) {
}
