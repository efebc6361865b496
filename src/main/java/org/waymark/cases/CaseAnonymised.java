package org.waymark.cases;

import java.util.UUID;

/**
 * A closed case was anonymised at the end of its retention period, in this transaction. Modules holding records
 * of the case (a pathway's copies of names, free text) anonymise theirs in the same transaction.
 */
public record CaseAnonymised(UUID caseId) {
}
