package org.waymark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Malformed and hostile JSON at every endpoint that takes a JSON body, found from the OpenAPI document
 * (and checked against the handler mappings, so a new endpoint cannot be missed). Each body is a
 * seeded mutation of a valid one built from the endpoint's schema. Whatever is sent: never a 5xx, every
 * error is problem+json, and a refused request changes no domain table (audit rows may be added).
 * Re-run a failure with -Dwaymark.fuzz.seed=N; -Dwaymark.fuzz.tries=N per endpoint.
 */
@WaymarkTest
class ApiFuzzTests {

    private static final long SEED = Long.getLong("waymark.fuzz.seed", 20_260_611L);
    private static final int TRIES = Integer.getInteger("waymark.fuzz.tries", 100);
    private static final Set<String> NOT_DOMAIN = Set.of("audit_event", "flyway_schema_history", "rate_limit_counter");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    org.waymark.governance.Retention retention;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode api;
    private String domainCounts;
    private final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
    private final Map<String, String> ownPerson = new LinkedHashMap<>();
    /** Valid requests for endpoints whose bodies or paths must name real records, keyed by "METHOD /path". */
    private final Map<String, Fixture> fixtures = new LinkedHashMap<>();

    record Fixture(String user, String body, Map<String, String> pathVariables) {
    }

    record Endpoint(String method, String path, JsonNode schema, List<String> headers) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        data.demoPartnership();
        api = json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("demo.admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list().stream().filter(t -> !NOT_DOMAIN.contains(t)).toList();
        assertThat(tables).contains("person", "incident", "risk_assessment", "agency", "app_user");
        domainCounts = String.join(" union all ", tables.stream()
                .map(t -> "select '" + t + "' as t, count(*) as n from " + t).toList());
    }

    @Test
    void malformedJsonNeverCausesA5xxAndARefusedRequestWritesNothing() throws Exception {
        List<Endpoint> endpoints = jsonBodyEndpoints();
        assertThat(endpoints.stream().map(Endpoint::toString))
                .as("the OpenAPI document lists every endpoint that takes a JSON body")
                .containsAll(handlerEndpointsWithBodies());
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(8);

        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int sent = 0;
        int accepted = 0;
        List<String> seeds = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Seed seed = seedFor(endpoint, random);
            String user = seed.user();
            JsonNode valid = seed.body();
            accepted += seed.accepted() ? 1 : 0;
            seeds.add(endpoint + " as " + user + (seed.accepted() ? "" : " (no valid body found)"));
            for (int i = 0; i < TRIES && failures.size() < 20; i++) {
                Mutation mutation = mutate(valid, random);
                sent++;
                Map<String, Long> before = counts();
                MockHttpServletResponse response = send(endpoint, user, mutation.body());
                statuses.merge(response.getStatus(), 1, Integer::sum);
                String problem = judge(response, before);
                if (problem != null) {
                    failures.add("%s as %s, %s -> %d: %s%n    body: %s".formatted(endpoint, user, mutation.name(),
                            response.getStatus(), problem, abbreviate(new String(mutation.body(), StandardCharsets.UTF_8))));
                }
            }
        }
        String summary = "seed %d (-Dwaymark.fuzz.seed=%d), %d requests to %d endpoints, statuses %s, endpoints %s"
                .formatted(SEED, SEED, sent, endpoints.size(), statuses, seeds);
        assertThat(failures).as(summary).isEmpty();
        // The bodies reached the handlers: most endpoints accepted the unmutated body, most mutations were refused.
        assertThat(accepted).as(summary).isGreaterThanOrEqualTo(endpoints.size() * 2 / 3);
        assertThat(statuses.keySet()).as(summary).anyMatch(s -> s >= 200 && s < 300);
        assertThat(statuses.get(400)).as(summary).isGreaterThan(sent / 3);
        System.out.println("API fuzzing: " + summary);
    }

    private String judge(MockHttpServletResponse response, Map<String, Long> before) throws Exception {
        int status = response.getStatus();
        if (status >= 500) {
            return "server error " + abbreviate(response.getContentAsString());
        }
        if (status >= 400) {
            String type = response.getContentType();
            if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return "error answered as " + type + ", not problem+json";
            }
            JsonNode body = json.readTree(response.getContentAsString());
            if (!body.has("title") || body.path("status").asInt() != status) {
                return "problem without title or with the wrong status: " + abbreviate(response.getContentAsString());
            }
            Map<String, Long> after = counts();
            if (!after.equals(before)) {
                return "refused, but changed " + difference(before, after);
            }
        }
        return null;
    }

    // --- discovery -------------------------------------------------------------------------------

    private List<Endpoint> jsonBodyEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().path(method);
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode schema = null;
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    if (media.getKey().contains("json")) {
                        schema = media.getValue().path("schema");
                    }
                }
                if (schema == null) {
                    continue;
                }
                List<String> headers = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    if ("header".equals(parameter.path("in").asString())) {
                        headers.add(parameter.path("name").asString());
                    }
                }
                endpoints.add(new Endpoint(method.toUpperCase(), path.getKey(), schema, headers));
            }
        }
        return endpoints;
    }

    /** Every API handler with a @RequestBody, as "METHOD /path", straight from Spring MVC. */
    private Set<String> handlerEndpointsWithBodies() {
        Set<String> found = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            boolean body = false;
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                body |= parameter.hasParameterAnnotation(RequestBody.class);
            }
            if (!body) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (pattern.startsWith("/api/")) {
                        found.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        assertThat(found).isNotEmpty();
        return found;
    }

    record Seed(String user, JsonNode body, boolean accepted) {
    }

    /**
     * A valid body and a user whose role may send it: the body generated from the schema, with the
     * fields the answer names as wrong removed until it is accepted (the answer's errors array names them).
     */
    private Seed seedFor(Endpoint endpoint, Random random) throws Exception {
        Fixture fixture = fixtures().get(endpoint.toString());
        if (fixture != null) {
            JsonNode body = json.readTree(fixture.body());
            int status = send(endpoint, fixture.user(), fixture.body().getBytes(StandardCharsets.UTF_8)).getStatus();
            return new Seed(fixture.user(), body, status >= 200 && status < 300);
        }
        Seed fallback = null;
        for (String user : List.of("demo.police", "demo.admin", "demo.idva", "demo.marac")) {
            JsonNode body = generate(endpoint.schema(), random, 0, null, user);
            for (int round = 0; round < 8; round++) {
                MockHttpServletResponse response = send(endpoint, user, body.toString().getBytes(StandardCharsets.UTF_8));
                int status = response.getStatus();
                if (status >= 200 && status < 300) {
                    return new Seed(user, body, true);
                }
                if (status == 401 || status == 403) {
                    break;
                }
                if (fallback == null) {
                    fallback = new Seed(user, body, false);
                }
                boolean removed = false;
                for (JsonNode error : json.readTree(response.getContentAsString()).path("errors")) {
                    removed |= remove(body, error.path("field").asString(""));
                }
                if (!removed) {
                    break;
                }
            }
        }
        if (fallback == null) {
            throw new AssertionError("No demo user may call " + endpoint);
        }
        return fallback;
    }

    /** Removes the value at a path like "people[0].role" or "email"; false if there is none. */
    private static boolean remove(JsonNode body, String path) {
        List<String> steps = new ArrayList<>();
        Matcher step = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(path);
        while (step.find()) {
            steps.add(step.group(1) != null ? step.group(1) : "#" + step.group(2));
        }
        JsonNode parent = body;
        for (int i = 0; i < steps.size(); i++) {
            String name = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (name.startsWith("#") && parent instanceof ArrayNode array) {
                int index = Integer.parseInt(name.substring(1));
                if (index >= array.size()) {
                    return false;
                }
                if (last) {
                    array.remove(index);
                    return true;
                }
                parent = array.get(index);
            } else if (parent instanceof ObjectNode object && object.has(name)) {
                if (last) {
                    object.remove(name);
                    return true;
                }
                parent = object.get(name);
            } else {
                return false;
            }
        }
        return false;
    }

    private MockHttpServletResponse send(Endpoint endpoint, String user, byte[] body) throws Exception {
        MockHttpServletRequestBuilder request = request(org.springframework.http.HttpMethod.valueOf(endpoint.method()),
                resolve(endpoint.path(), user))
                .session(session(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        for (String header : endpoint.headers()) {
            request.header(header, header.equalsIgnoreCase("If-Match") ? "\"0\"" : "x");
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            // MockMvc rethrows what the application did not handle; a server would answer 500.
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            failed.setContentType("text/plain");
            failed.getWriter().write(String.valueOf(e.getCause() == null ? e : e.getCause()));
            return failed;
        }
    }

    private MockHttpSession session(String user) throws Exception {
        MockHttpSession session = sessions.get(user);
        if (session == null) {
            // A browser-like session (as Swagger UI uses): one password check, not one per request.
            session = SignedIn.as(mvc, user);
            sessions.put(user, session);
        }
        return session;
    }

    /** Path variables: a person the user's agency holds (so the request gets past the lookup), else a random id. */
    private String resolve(String path, String user) throws Exception {
        Matcher matcher = PATH_VARIABLE.matcher(path);
        StringBuilder resolved = new StringBuilder();
        Map<String, String> known = fixturePathVariables(path);
        while (matcher.find()) {
            String value = known.containsKey(matcher.group(1)) ? known.get(matcher.group(1))
                    : matcher.group(1).equals("id") && path.startsWith("/api/v1/people/") ? ownPerson(user)
                    : path.startsWith("/api/v1/retention/reviews/") ? dueReview()
                    : path.startsWith("/api/v1/marac/") ? maracTarget(path) : UUID.randomUUID().toString();
            matcher.appendReplacement(resolved, value);
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private Map<String, String> fixturePathVariables(String path) {
        return fixtures.entrySet().stream().filter(e -> e.getKey().endsWith(" " + path)).findFirst()
                .map(e -> e.getValue().pathVariables()).orElse(Map.of());
    }

    /**
     * The children's pathway: a police notification about a baby and a pupil, so the triage, strategy discussion
     * and school endpoints can be reached by the users whose work they are.
     */
    private Map<String, Fixture> fixtures() throws Exception {
        if (!fixtures.isEmpty()) {
            return fixtures;
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String victim = created("/api/v1/people", "{\"givenName\":\"Fuzz\",\"familyName\":\"Family\"}");
        String baby = created("/api/v1/people", "{\"givenName\":\"Fuzz\",\"familyName\":\"Baby\",\"dateOfBirth\":\""
                + today.minusMonths(2) + "\"}");
        String pupil = created("/api/v1/people", "{\"givenName\":\"Fuzz\",\"familyName\":\"Pupil\",\"dateOfBirth\":\""
                + today.minusYears(8) + "\"}");
        String incidentJson = """
                {"occurredOn":"%s","cameToLight":"POLICE_CALL_OUT","people":[{"personId":"%s","role":"VICTIM"},
                 {"personId":"%s","role":"CHILD","experience":"PRESENT"},{"personId":"%s","role":"CHILD","experience":"HEARD"}]}"""
                .formatted(today, victim, baby, pupil);
        String school = jdbc.sql("select id from agency where name = 'Millbrook Primary School'").query(String.class).single();
        String notificationJson = """
                {"incidentId":"%s","victimPregnant":false,"children":[{"personId":"%s","livesInHousehold":true},
                 {"personId":"%s","livesInHousehold":true,"schoolAgencyId":"%s"}]}""";
        // One notification for the triage endpoints, and a second incident for the notification endpoint itself.
        String notification = created("/api/v1/children/notifications",
                notificationJson.formatted(created("/api/v1/incidents", incidentJson), baby, pupil, school));
        String strategy = jdbc.sql("select cast(id as text) from strategy_discussion where notification_id = cast(? as uuid)")
                .param(notification).query(String.class).single();
        String socialCare = jdbc.sql("select id from agency where name = 'Wrekin Vale Children''s Social Care'")
                .query(String.class).single();
        String midwifery = jdbc.sql("select id from agency where name = 'Wrekin Vale Midwifery'").query(String.class).single();
        // The person record's other names, references and household, on the fuzzer's own victim.
        String lodger = created("/api/v1/people", "{\"givenName\":\"Fuzz\",\"familyName\":\"Lodger\"}");
        fixtures.put("POST /api/v1/people/{id}/other-names", new Fixture("demo.police",
                "{\"kind\":\"ALIAS\",\"givenName\":\"Fuzzy\",\"familyName\":\"Alias\"}", Map.of("id", victim)));
        fixtures.put("POST /api/v1/people/{id}/references", new Fixture("demo.police",
                "{\"reference\":\"FUZZ/1\"}", Map.of("id", victim)));
        fixtures.put("POST /api/v1/people/{id}/household", new Fixture("demo.police",
                "{\"otherPersonId\":\"" + lodger + "\",\"from\":\"2025-01-01\"}", Map.of("id", victim)));
        fixtures.put("POST /api/v1/children/notifications", new Fixture("demo.police",
                notificationJson.formatted(created("/api/v1/incidents", incidentJson), baby, pupil, school), Map.of()));
        fixtures.put("POST /api/v1/mash/triage/{id}/information", new Fixture("demo.mash",
                "{\"information\":\"Known to the MASH since 2025\"}", Map.of("id", notification)));
        fixtures.put("POST /api/v1/mash/triage/{id}/information-requests", new Fixture("demo.mash",
                "{\"agencyId\":\"" + midwifery + "\"}", Map.of("id", notification)));
        fixtures.put("POST /api/v1/mash/triage/{id}/decision", new Fixture("demo.mash", """
                {"outcome":"STRATEGY_DISCUSSION","leadAgencyId":"%s","rationale":"Baby in the household","version":0}"""
                .formatted(socialCare), Map.of("id", notification)));
        fixtures.put("POST /api/v1/strategy-discussions/{id}/outcome", new Fixture("demo.social", """
                {"heldOn":"%s","attended":"Police, social care","section47":false,"actions":"Support plan","version":0}"""
                .formatted(today), Map.of("id", strategy)));
        fixtures.put("PUT /api/v1/schools/{agencyId}", new Fixture("demo.school", """
                {"dayStartsAt":"08:45","schoolDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"version":0}""",
                Map.of("agencyId", school)));
        fixtures.put("POST /api/v1/schools/{agencyId}/closures", new Fixture("demo.school", """
                {"firstDay":"2031-07-20","lastDay":"2031-09-01","name":"Summer holidays"}""", Map.of("agencyId", school)));
        return fixtures;
    }

    private String created(String path, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(org.springframework.http.HttpMethod.POST, path)
                .with(httpBasic("demo.police", "demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString()).path("id").asString();
    }
    /** A retention review of a person record of the fuzzer's own, listed as the review job lists it. */
    private String dueReview() throws Exception {
        if (dueReview != null) {
            return dueReview;
        }
        UUID person = UUID.fromString(person("demo.police", "Retention"));
        retention.listDue(java.time.LocalDate.now().plusYears(7));
        dueReview = jdbc.sql("select id from retention_review where record_type = 'PERSON' and record_id = ? order by listed_at desc limit 1")
                .param(person).query(String.class).optional().orElse(UUID.randomUUID().toString());
        return dueReview;
    }

    private String dueReview;

    private final Map<String, String> maracTargets = new LinkedHashMap<>();

    /**
     * For a MARAC path, an object the demo police and coordinator may act on: the demo area, or a referral
     * listed at its next meeting (one per endpoint, so one endpoint's success cannot close another's), its
     * meeting, or an action on it owned by the police.
     */
    private String maracTarget(String path) throws Exception {
        String known = maracTargets.get(path);
        if (known != null) {
            return known;
        }
        String area = jdbc.sql("select id from marac_area where name = 'Wrekin Vale MARAC area'").query(String.class).single();
        String target = area;
        if (!path.startsWith("/api/v1/marac/areas/")) {
            MockHttpServletResponse referral = mvc.perform(request(org.springframework.http.HttpMethod.POST,
                    "/api/v1/marac/referrals").session(session("demo.police")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"areaId":"%s","victimPersonId":"%s","victimAge":30,"referringOfficer":"PC Fuzz","criteria":"PROFESSIONAL_JUDGEMENT",
                             "reason":"Fuzzing a professional judgement","victimAware":true,"consent":"GIVEN",
                             "perpetrators":[{"name":"Fuzz Harmer"}]}""".formatted(area, ownPerson("demo.police"))))
                    .andReturn().getResponse();
            assertThat(referral.getStatus()).as(referral.getContentAsString()).isEqualTo(201);
            String id = json.readTree(referral.getContentAsString()).path("id").asString();
            mvc.perform(request(org.springframework.http.HttpMethod.POST, "/api/v1/marac/referrals/" + id + "/reviews")
                    .session(session("demo.marac")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isOk());
            target = id;
            if (path.startsWith("/api/v1/marac/meetings/")) {
                target = jdbc.sql("select meeting_id::text from marac_referral where id = ?::uuid").param(id)
                        .query(String.class).single();
            } else if (path.startsWith("/api/v1/marac/actions/")) {
                MockHttpServletResponse action = mvc.perform(request(org.springframework.http.HttpMethod.POST,
                        "/api/v1/marac/referrals/" + id + "/actions").session(session("demo.marac")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"owningAgencyId":"%s","ownerName":"PC Fuzz","description":"Fuzz action","dueDate":"%s"}"""
                                .formatted(jdbc.sql("select id from agency where name = 'Wrekin Vale Police'").query(String.class)
                                        .single(), java.time.LocalDate.now().plusDays(30)))).andReturn().getResponse();
                assertThat(action.getStatus()).as(action.getContentAsString()).isEqualTo(201);
                target = json.readTree(action.getContentAsString()).path("actionId").asString();
            }
        }
        maracTargets.put(path, target);
        return target;
    }

    private String ownPerson(String user) throws Exception {
        return person(user, "");
    }

    /** A second person held by the user's agency, to relate, link or involve. */
    private String otherPerson(String user) throws Exception {
        return person(user, "Other");
    }

    private String person(String user, String which) throws Exception {
        String id = ownPerson.get(user + which);
        if (id == null) {
            MockHttpServletResponse response = mvc.perform(request(org.springframework.http.HttpMethod.POST, "/api/v1/people")
                    .session(session(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"givenName\":\"Fuzz\",\"familyName\":\"Target" + which + "\"}")).andReturn().getResponse();
            id = response.getStatus() == 201 ? json.readTree(response.getContentAsString()).path("id").asString()
                    : UUID.randomUUID().toString();
            ownPerson.put(user + which, id);
        }
        return id;
    }

    // --- generation ------------------------------------------------------------------------------

    private JsonNode schema(JsonNode schema) {
        String ref = schema.path("$ref").asString(null);
        if (ref != null) {
            return api.at(ref.substring(1));
        }
        return schema;
    }

    /** A plausible valid value for a schema; well-known field names get values of their kind. */
    private JsonNode generate(JsonNode schemaOrRef, Random random, int depth, String name, String user) throws Exception {
        JsonNode hint = hint(name, random, user);
        if (hint != null) {
            return hint;
        }
        JsonNode schema = schema(schemaOrRef);
        if (schema.has("enum")) {
            JsonNode values = schema.path("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.set(property.getKey(), generate(property.getValue(), random, depth + 1,
                                property.getKey(), user));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(generate(schema.path("items"), random, depth + 1, null, user));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(random.nextInt(5));
            case "number" -> NODES.numberNode(random.nextDouble());
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> switch (format) {
                case "date" -> NODES.stringNode("19%02d-0%d-1%d".formatted(50 + random.nextInt(50), 1 + random.nextInt(9),
                        random.nextInt(9)));
                case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.stringNode("2026-01-02T03:04:05Z");
                default -> NODES.stringNode("Fz" + Integer.toString(random.nextInt(1 << 20), 36));
            };
        };
    }

    private JsonNode hint(String name, Random random, String user) throws Exception {
        if (name == null) {
            return null;
        }
        String suffix = Integer.toString(random.nextInt(1 << 30), 36);
        return switch (name) {
            case "email" -> NODES.stringNode("fuzz." + suffix + "@example.org");
            case "password" -> NODES.stringNode("a long enough password " + suffix);
            case "username" -> NODES.stringNode("fuzz." + suffix);
            case "name" -> NODES.stringNode("Fuzz Agency " + suffix);
            case "nhsNumber" -> NODES.stringNode("9434765919");
            case "sex" -> NODES.stringNode("FEMALE");
            case "postcode" -> NODES.stringNode("WV1 4AA");
            case "phone" -> NODES.stringNode("07700 900123");
            case "kind" -> NODES.stringNode("SIBLING");
            case "cameToLight" -> NODES.stringNode("POLICE_CALL_OUT");
            case "severity" -> NODES.stringNode("STANDARD");
            case "abuseTypes" -> NODES.arrayNode().add("PHYSICAL");
            case "role" -> NODES.stringNode("VICTIM");
            case "experience" -> NODES.nullNode();
            case "profile" -> NODES.stringNode("national");
            case "agencyId" -> NODES.stringNode(jdbc.sql("select id from agency order by name limit 1")
                    .query(String.class).single());
            case "personId", "relatedPersonId", "otherPersonId" -> NODES.stringNode(otherPerson(user));
            case "victimPersonId" -> NODES.stringNode(ownPerson(user));
            case "victimAge" -> NODES.numberNode(30);
            case "areaId" -> NODES.stringNode(jdbc.sql("select id from marac_area where name = 'Wrekin Vale MARAC area'")
                    .query(String.class).single());
            case "criteria" -> NODES.stringNode("PROFESSIONAL_JUDGEMENT");
            case "reason" -> NODES.stringNode("Fuzzing with a reason " + suffix);
            case "consent" -> NODES.stringNode("GIVEN");
            case "lawfulBasis" -> NODES.stringNode("CONSENT");
            case "outcome" -> NODES.stringNode("CLOSED");
            case "version" -> NODES.numberNode(0);
            case "perYear" -> NODES.numberNode(12);
            case "dueDate", "reviewDate" -> NODES.stringNode(java.time.LocalDate.now().plusDays(30).toString());
            case "owningAgencyId", "policeAgencyId" -> agencyOfType("POLICE");
            case "coordinationAgencyId" -> agencyOfType("MARAC_COORDINATION");
            case "idvaAgencyId" -> agencyOfType("IDVA_SERVICE");
            case "mashAgencyId" -> agencyOfType("MASH");
            default -> null;
        };
    }

    private JsonNode agencyOfType(String type) {
        return NODES.stringNode(jdbc.sql("select id from agency where type = ? and active order by name limit 1")
                .param(type).query(String.class).single());
    }

    record Mutation(String name, byte[] body) {
    }

    private Mutation mutate(JsonNode valid, Random random) {
        List<Map.Entry<String, Function<Random, Object>>> mutations = List.of(
                Map.entry("valid", r -> valid),
                Map.entry("truncated", r -> {
                    String text = valid.toString();
                    return text.substring(0, r.nextInt(Math.max(1, text.length())));
                }),
                Map.entry("wrong type", r -> replaceOne(valid, r, oddValue(r))),
                Map.entry("every field the wrong type", r -> replaceAll(valid, r)),
                Map.entry("huge string", r -> replaceOne(valid, r, NODES.stringNode("Ω".repeat(50_000 + r.nextInt(200_000))))),
                // Built as text: Jackson itself refuses to write a tree this deep.
                Map.entry("deep nesting", r -> replaceOne(valid, r, NODES.stringNode("__deep__")).toString()
                        .replace("\"__deep__\"", deep(r, 200 + r.nextInt(3_000)))),
                Map.entry("deep body", r -> "[".repeat(5_000 + r.nextInt(20_000))),
                Map.entry("unknown field", r -> {
                    JsonNode copy = valid.deepCopy();
                    if (copy instanceof ObjectNode object) {
                        object.put("zz" + r.nextInt(1000), "surplus");
                    }
                    return copy;
                }),
                Map.entry("null field", r -> replaceOne(valid, r, NODES.nullNode())),
                Map.entry("null body", r -> "null"),
                Map.entry("empty body", r -> ""),
                Map.entry("unicode", r -> replaceOne(valid, r, NODES.stringNode(UNICODE.get(r.nextInt(UNICODE.size()))))),
                Map.entry("number out of range", r -> replaceOne(valid, r, NUMBERS.get(r.nextInt(NUMBERS.size())))),
                Map.entry("array for object", r -> r.nextBoolean() ? "[" + valid + "]" : "[]"),
                Map.entry("nested object for array", r -> replaceOne(valid, r, valid.deepCopy())),
                Map.entry("scalar body", r -> List.of("1", "\"text\"", "true", "1e999", "-0").get(r.nextInt(5))),
                Map.entry("duplicate field", r -> {
                    String text = valid.toString();
                    return text.length() > 2 ? "{" + text.substring(1, text.length() - 1) + "," + text.substring(1) : text;
                }),
                Map.entry("not UTF-8", r -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
                Map.entry("odd date", r -> replaceOne(valid, r, NODES.stringNode(DATES.get(r.nextInt(DATES.size()))))),
                Map.entry("several mutations", r -> replaceOne(replaceOne(valid, r, oddValue(r)), r, oddValue(r))));
        Map.Entry<String, Function<Random, Object>> chosen = mutations.get(random.nextInt(mutations.size()));
        Object body = chosen.getValue().apply(random);
        byte[] bytes = body instanceof byte[] raw ? raw : body.toString().getBytes(StandardCharsets.UTF_8);
        return new Mutation(chosen.getKey(), bytes);
    }

    private static final List<String> UNICODE = List.of("\u0000", "A\u0000B", "\u202Eevil", "\uD800", "\uDFFF\uD800",
            "𝕎𝕒𝕪𝕞𝕒𝕣𝕜 💥", "Zoë O'Brien-Łukasz", "\uFEFF", "a\r\nb\tc", "<script>alert(1)</script>", "'; drop table person; --",
            "١٢٣", "\u00A0", "\\u0000", "%00", "ﬃ");
    private static final List<JsonNode> NUMBERS = List.of(NODES.numberNode(new java.math.BigInteger("9".repeat(60))),
            NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(Integer.MAX_VALUE + 1L),
            NODES.numberNode(new java.math.BigDecimal("-1e-400")));
    private static final List<String> DATES = List.of("2026-02-30", "0000-01-01", "+999999999-12-31", "1990-13-01",
            "1990-1-1", "01/02/1990", "", "2026-11-20T10:00:00Z", "9999-12-31", "1800-01-01");

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.stringNode("x");
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.arrayNode().add(1).add("two").addNull();
            case 4 -> NODES.objectNode().put("a", 1);
            case 5 -> NODES.nullNode();
            case 6 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
            case 7 -> NODES.stringNode(UNICODE.get(random.nextInt(UNICODE.size())));
            default -> NODES.arrayNode();
        };
    }

    private static String deep(Random random, int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = random.nextBoolean();
            open.append(array ? "[" : "{\"a\":");
            close.append(array ? "]" : "}");
        }
        return open + "1" + close.reverse();
    }

    /** A copy with one value (anywhere in the tree) replaced. */
    private static JsonNode replaceOne(JsonNode valid, Random random, JsonNode replacement) {
        JsonNode copy = valid.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        if (containers.isEmpty()) {
            return replacement;
        }
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            object.set(names.get(random.nextInt(names.size())), replacement);
        } else if (container instanceof ArrayNode array) {
            array.set(random.nextInt(array.size()), replacement);
        }
        return copy;
    }

    private static JsonNode replaceAll(JsonNode valid, Random random) {
        JsonNode copy = valid.deepCopy();
        if (copy instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                object.set(name, oddValue(random));
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if ((node.isObject() || node.isArray()) && !node.isEmpty()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.values().iterator(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }

    // --- checks ----------------------------------------------------------------------------------

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(domainCounts).query((rs, row) -> counts.put(rs.getString("t"), rs.getLong("n"))).list();
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + n);
            }
        });
        return String.join(", ", changed);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
