package org.waymark.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;
import org.waymark.WaymarkTest;
import org.waymark.platform.Actor;
import org.waymark.platform.ActorPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A pathway's share (a school notification, an agenda) is recorded without involving the receiving agency. */
@WaymarkTest
class RecordShareTests {

    @Autowired
    Cases cases;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void actAs(String username) {
        var row = jdbc.sql("""
                select u.id, u.display_name, u.agency_id, a.name from app_user u join agency a on a.id = u.agency_id
                 where u.username = ?""").param(username).query().singleRow();
        Actor actor = new Actor((UUID) row.get("id"), username, (String) row.get("display_name"), (UUID) row.get("agency_id"),
                (String) row.get("name"), Set.of("POLICE_OFFICER"));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken((ActorPrincipal) () -> actor, null));
    }

    @Test
    void aPathwayShareIsRecordedWithWhoAlreadyKnewAndInvolvesNobody() throws Exception {
        data.demoPartnership();
        String family = CaseAccessTests.unique();
        UUID victim = CaseAccessTests.createPerson(mvc, "demo.police", "{\"givenName\":\"Ana\",\"familyName\":\"" + family + "\"}");
        mvc.perform(post("/api/v1/incidents").contentType("application/json").with(httpBasic("demo.police", "demo"))
                .content("""
                        {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","whoElseKnows":["her GP"],
                         "people":[{"personId":"%s","role":"VICTIM"}]}""".formatted(
                        LocalDate.now(ZoneId.of("Europe/London")).minusDays(1), victim))).andExpect(status().isCreated());
        UUID caseId = jdbc.sql("select id from dva_case where victim_person_id = ?").param(victim).query(UUID.class).single();
        UUID school = jdbc.sql("select id from agency where name = 'Millbrook Primary School'").query(UUID.class).single();

        actAs("demo.police");
        assertThatThrownBy(() -> cases.recordShare(caseId, school, null, "Operation Encompass notification", "NOT_SOUGHT",
                "CONSENT", "Child present")).isInstanceOf(org.waymark.platform.InvalidRequestException.class);
        UUID share = cases.recordShare(caseId, school, "Sam School", "Operation Encompass notification", "NOT_SOUGHT",
                "PUBLIC_TASK", "The child was present; the school can support her tomorrow");

        assertThat(jdbc.sql("select who_else_knows from share_decision where id = ?").param(share)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single()).containsExactly("her GP");
        assertThat(jdbc.sql("select count(*) from case_agency where case_id = ? and agency_id = ?").params(caseId, school)
                .query(Long.class).single()).isZero();

        actAs("demo.health");
        assertThatThrownBy(() -> cases.recordShare(caseId, school, null, "x", "NOT_SOUGHT", "PUBLIC_TASK", "y"))
                .isInstanceOf(org.waymark.platform.NotFoundException.class);
    }
}
