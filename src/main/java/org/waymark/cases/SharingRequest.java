package org.waymark.cases;

import java.util.UUID;

/**
 * A decision about sharing a case with an agency. For SHARE: the lawful basis (CONSENT only when consent
 * was given), why the agency is involved (e.g. REFERRED, RESEARCH_REQUEST) and whom it works with.
 */
public record SharingRequest(String decision, UUID withAgencyId, String withPerson, String what, String consent,
                             String lawfulBasis, String rationale, String basis, String worksWith) {
}
