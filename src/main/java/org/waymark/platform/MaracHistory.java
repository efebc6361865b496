package org.waymark.platform;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Whole months since a person's last MARAC referral, found through every record that is, or is likely to be, the
 * same person (rule R4, D6). Answered by the marac module, so modules it depends on (risk) can ask without a cycle.
 */
public interface MaracHistory {

    /** Empty when she has never been referred. The caller must be allowed to see the person. */
    OptionalLong monthsSinceLastReferral(UUID personId);
}
