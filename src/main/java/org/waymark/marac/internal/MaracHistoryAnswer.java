package org.waymark.marac.internal;

import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.waymark.marac.MaracReferrals;
import org.waymark.platform.MaracHistory;

@Component
class MaracHistoryAnswer implements MaracHistory {

    private final MaracReferrals referrals;

    MaracHistoryAnswer(MaracReferrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public OptionalLong monthsSinceLastReferral(UUID personId) {
        return referrals.monthsSinceLastReferral(personId);
    }
}
