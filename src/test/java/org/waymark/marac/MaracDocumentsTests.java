package org.waymark.marac;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The referral form and agenda as PDF: what the reader may see, never the safe contact. */
@WaymarkTest
class MaracDocumentsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    MaracSupport marac;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
        marac = new MaracSupport(mvc, jdbc);
    }

    String pdfText(String user, String path) throws Exception {
        byte[] pdf = mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theReferralFormAndAgendaLeaveOutTheSafeContactAndThePerpetratorSideGetsNoNarrative() throws Exception {
        String family = MaracSupport.unique();
        UUID victim = marac.person("demo.police", "Zofia", family, MaracSupport.randomAdultBirthday());
        UUID referral = marac.referred("demo.police", MaracSupport.referral(marac.demoArea(), victim,
                "\"safeContact\":\"Call 07700 900321 at the library\",\"whoElseKnows\":[\"Her GP\"]"));
        String reference = jdbc.sql("select c.reference from marac_referral r join dva_case c on c.id = r.case_id where r.id = ?")
                .param(referral).query(String.class).single();

        String forReferrer = pdfText("demo.police", "/api/v1/marac/referrals/" + referral + "/referral.pdf");
        assertThat(forReferrer).contains(reference).contains("Zofia " + family).contains("Threats to kill")
                .contains("Her GP").doesNotContain("07700").doesNotContain("library");

        marac.review("demo.marac", referral, null);
        UUID meeting = jdbc.sql("select meeting_id from marac_referral where id = ?").param(referral).query(UUID.class).single();
        String formForProbation = pdfText("demo.probation", "/api/v1/marac/referrals/" + referral + "/referral.pdf");
        assertThat(formForProbation).contains(reference).doesNotContain("07700").doesNotContain("Threats to kill")
                .doesNotContain("Her GP");
        String agenda = pdfText("demo.probation", "/api/v1/marac/meetings/" + meeting + "/agenda.pdf");
        assertThat(agenda).contains(reference).contains("Ian Harmer").doesNotContain("07700").doesNotContain("Threats to kill");

        mvc.perform(get("/api/v1/marac/referrals/" + referral + "/referral.pdf").with(httpBasic("demo.dvpp", "demo")))
                .andExpect(status().isNotFound());
    }
}
