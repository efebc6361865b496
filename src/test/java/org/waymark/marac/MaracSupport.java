package org.waymark.marac;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Builds MARAC test situations through the API, as the agencies would. */
record MaracSupport(MockMvc mvc, JdbcClient jdbc) {

    static String unique() {
        return "Qx" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    static LocalDate randomAdultBirthday() {
        return LocalDate.of(1965, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000));
    }

    UUID agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(UUID.class).single();
    }

    UUID demoArea() {
        return jdbc.sql("select id from marac_area where name = 'Wrekin Vale MARAC area'").query(UUID.class).single();
    }

    UUID person(String user, String given, String family, LocalDate born) throws Exception {
        String body = mvc.perform(post("/api/v1/people").contentType("application/json").with(httpBasic(user, "demo"))
                        .content("""
                                {"givenName":"%s","familyName":"%s","dateOfBirth":"%s","sex":"F"}""".formatted(given, family, born)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    ResultActions refer(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/marac/referrals").contentType("application/json").with(httpBasic(user, "demo"))
                .content(json));
    }

    /** A referral on professional judgement with her consent, with one person causing harm. */
    static String referral(UUID area, UUID victim, String extra) {
        return """
                {"areaId":"%s","victimPersonId":"%s","referringOfficer":"PC Dana Police, response",
                 "criteria":"PROFESSIONAL_JUDGEMENT","reason":"Threats to kill and recent separation",
                 "victimAware":true,"consent":"GIVEN","perpetrators":[{"name":"Ian Harmer"}]%s}"""
                .formatted(area, victim, extra == null ? "" : "," + extra);
    }

    UUID referred(String user, String json) throws Exception {
        String body = refer(user, json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    String getJson(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    String review(String user, UUID referral, String action) throws Exception {
        return mvc.perform(post("/api/v1/marac/referrals/" + referral + "/reviews").contentType("application/json")
                        .with(httpBasic(user, "demo")).content(action == null ? "{}" : "{\"immediateAction\":\"" + action + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    ResultActions putJson(String user, String path, String json) throws Exception {
        return mvc.perform(put(path).contentType("application/json").with(httpBasic(user, "demo")).content(json));
    }

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).contentType("application/json").with(httpBasic(user, "demo")).content(json));
    }
}
