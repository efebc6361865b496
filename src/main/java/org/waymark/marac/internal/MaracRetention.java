package org.waymark.marac.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.cases.CaseAnonymised;

/**
 * When a case is anonymised at the end of retention, its MARAC referrals go with it in the same transaction: the
 * names of the other people, the safe contact, the free text of the referral, reviews, research, discussion and
 * actions. The figures the data returns count (dates, criteria, agencies, outcomes) stay.
 */
@Component
class MaracRetention {

    static final String ANONYMISED = "[anonymised]";

    private final JdbcClient jdbc;

    MaracRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CaseAnonymised event) {
        String referrals = "select id from marac_referral where case_id = :case";
        jdbc.sql("""
                update marac_referral set referring_officer = :text, reason = case when reason is null then null else :text end,
                       consent_rationale = case when consent_rationale is null then null else :text end,
                       sealed_safe_contact = null, who_else_knows = '{}'
                 where case_id = :case""").param("text", ANONYMISED).param("case", event.caseId()).update();
        jdbc.sql("update marac_referral_party set name = :text, date_of_birth = null where referral_id in (" + referrals + ")")
                .param("text", ANONYMISED).param("case", event.caseId()).update();
        jdbc.sql("update marac_review set immediate_action = null where referral_id in (" + referrals + ")")
                .param("case", event.caseId()).update();
        jdbc.sql("update marac_research set known = :text, involvement = :text where referral_id in (" + referrals + ")")
                .param("text", ANONYMISED).param("case", event.caseId()).update();
        jdbc.sql("update marac_discussion set notes = :text, risks = null where referral_id in (" + referrals + ")")
                .param("text", ANONYMISED).param("case", event.caseId()).update();
        jdbc.sql("update marac_action set description = :text, owner_name = :text where referral_id in (" + referrals + ")")
                .param("text", ANONYMISED).param("case", event.caseId()).update();
    }
}
