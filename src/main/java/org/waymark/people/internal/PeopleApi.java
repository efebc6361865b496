package org.waymark.people.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.people.MatchCandidate;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.StrictJsonBinding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "Person records and consulting existing records across agencies")
class PeopleApi {

    record Matches(List<MatchCandidate> candidates) {
    }

    record LinkRequest(UUID otherPersonId) {
    }

    private final People people;
    private final StrictJsonBinding binding;
    private final MatchThrottle throttle;

    PeopleApi(People people, JsonMapper json, MatchThrottle throttle) {
        this.people = people;
        this.throttle = throttle;
        this.binding = new StrictJsonBinding(json, Map.of(String.class, 10));
    }

    private PersonRequest bind(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        PersonRequest request = binding.bind(body, PersonRequest.class, errors);
        if (!errors.isEmpty() || request == null) {
            throw new InvalidRequestException(errors);
        }
        return request;
    }

    @PostMapping("/matches")
    @Operation(summary = "Consult existing records: likely matches for these details, best first, each with a"
            + " score and the reasons in plain words. Restricted addresses and phones are never used.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = PersonRequest.class))))
    Matches matches(@RequestBody JsonNode body) {
        throttle.count();
        return new Matches(people.matches(bind(body).toNewPerson(), 10));
    }

    @PostMapping
    @Operation(summary = "Record a person",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = PersonRequest.class))))
    ResponseEntity<Person> create(@RequestBody JsonNode body) {
        Person person = people.record(bind(body).toNewPerson());
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
    }

    @GetMapping("/{id}")
    Person person(@PathVariable UUID id) {
        return people.get(id);
    }

    @GetMapping("/{id}/details")
    @Operation(summary = "What else is known about the person (support needs, monitoring). The ETag is the version"
            + " to send back in If-Match when changing them")
    ResponseEntity<org.waymark.people.PersonDetails> details(@PathVariable UUID id) {
        People.Versioned<org.waymark.people.PersonDetails> details = people.details(id);
        return ResponseEntity.ok().eTag("\"" + details.version() + "\"").body(details.value());
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/details")
    @Operation(summary = "Replace the details. Requires If-Match with the ETag read: 428 without it, 412 if someone"
            + " else changed the record meanwhile (nothing is overwritten)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = org.waymark.people.PersonDetails.class))))
    ResponseEntity<?> updateDetails(@PathVariable UUID id,
                                    @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    @RequestBody JsonNode body) {
        return org.waymark.platform.IfMatch.apply(ifMatch, "GET /api/v1/people/{id}/details", expected -> {
            List<FieldError> errors = new ArrayList<>();
            org.waymark.people.PersonDetails details = binding.bind(body, org.waymark.people.PersonDetails.class, errors);
            if (!errors.isEmpty() || details == null) {
                throw new InvalidRequestException(errors);
            }
            int version = people.updateDetails(id, expected, details);
            return ResponseEntity.noContent().eTag("\"" + version + "\"").build();
        });
    }

    record RelationshipRequest(UUID relatedPersonId, String kind) {
    }

    @PostMapping("/{id}/relationships")
    @Operation(summary = "Record what another person (held by the same agency) is to this one: CURRENT_PARTNER,"
            + " FORMER_PARTNER, PARENT, CHILD, SIBLING, OTHER_FAMILY_MEMBER or CARER")
    ResponseEntity<Map<String, UUID>> relate(@PathVariable UUID id, @RequestBody RelationshipRequest request) {
        UUID relationshipId = people.relate(id, request.relatedPersonId(), request.kind());
        return ResponseEntity.status(201).body(Map.of("relationshipId", relationshipId));
    }

    @PostMapping("/{id}/relationships/{relationshipId}/end")
    @Operation(summary = "Record that a relationship has ended (kept in the history); current partners become former partners")
    ResponseEntity<Void> endRelationship(@PathVariable UUID id, @PathVariable UUID relationshipId) {
        people.endRelationship(id, relationshipId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/relationships")
    List<People.Relationship> relationships(@PathVariable UUID id) {
        return people.relationships(id);
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "Record that this person and another record are the same person")
    ResponseEntity<Map<String, UUID>> link(@PathVariable UUID id, @RequestBody LinkRequest request) {
        // The service checks the caller may see this record before anything else: 404 comes before 400.
        UUID linkId = people.linkSamePerson(id, request.otherPersonId());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/links/" + linkId)).body(Map.of("linkId", linkId));
    }

    @DeleteMapping("/{id}/links/{linkId}")
    @Operation(summary = "Undo a link (kept in the history and audited)")
    ResponseEntity<Void> unlink(@PathVariable UUID id, @PathVariable UUID linkId) {
        people.undoLink(id, linkId);
        return ResponseEntity.noContent().build();
    }

    record AddressRequest(String address, String postcode, java.time.LocalDate from, java.time.LocalDate to,
                          Boolean restricted) {
    }

    record ContactRequest(String kind, String value, Boolean restricted) {
    }

    @GetMapping("/{id}/addresses")
    @Operation(summary = "Every address with the dates it applied, current first; a restricted one you have no need"
            + " to know is withheld")
    List<People.AddressEntry> addresses(@PathVariable UUID id) {
        return people.addresses(id);
    }

    @PostMapping("/{id}/addresses")
    @Operation(summary = "Add an address (the recording agency and the case's allocated workers only). A restricted"
            + " address is sealed and never used for matching",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = AddressRequest.class))))
    ResponseEntity<Map<String, UUID>> addAddress(@PathVariable UUID id, @RequestBody JsonNode body) {
        AddressRequest request = bindFor(id, body, AddressRequest.class);
        UUID addressId = people.addAddress(id, request.address(), request.postcode(), request.from(), request.to(),
                Boolean.TRUE.equals(request.restricted()));
        return ResponseEntity.status(201).body(Map.of("addressId", addressId));
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "Every phone and email; a restricted one you have no need to know is withheld")
    List<People.ContactEntry> contacts(@PathVariable UUID id) {
        return people.contacts(id);
    }

    @PostMapping("/{id}/contacts")
    @Operation(summary = "Add a phone (kind PHONE) or email (kind EMAIL), restricted or not",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ContactRequest.class))))
    ResponseEntity<Map<String, UUID>> addContact(@PathVariable UUID id, @RequestBody JsonNode body) {
        ContactRequest request = bindFor(id, body, ContactRequest.class);
        UUID contactId = people.addContact(id, request.kind(), request.value(), Boolean.TRUE.equals(request.restricted()));
        return ResponseEntity.status(201).body(Map.of("contactId", contactId));
    }

    record OtherNameRequest(String kind, String givenName, String familyName) {
    }

    record ReferenceRequest(String reference) {
    }

    record HouseholdRequest(UUID otherPersonId, java.time.LocalDate from) {
    }

    record LeaveHouseholdRequest(java.time.LocalDate to) {
    }

    /** Binds a small request body strictly; a bad body is refused naming the fields, after the 404 check. */
    private <T extends Record> T bindFor(UUID id, JsonNode body, Class<T> type) {
        List<FieldError> errors = new ArrayList<>();
        T request = binding.bind(body, type, errors);
        if (!errors.isEmpty() || request == null) {
            people.get(id);
            throw new InvalidRequestException(errors);
        }
        return request;
    }

    @GetMapping("/{id}/other-names")
    @Operation(summary = "Previous names and aliases")
    List<People.OtherName> otherNames(@PathVariable UUID id) {
        return people.otherNames(id);
    }

    @PostMapping("/{id}/other-names")
    @Operation(summary = "Add a previous name (kind PREVIOUS) or an alias (kind ALIAS); matching uses it from then on",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = OtherNameRequest.class))))
    ResponseEntity<Map<String, UUID>> addOtherName(@PathVariable UUID id, @RequestBody JsonNode body) {
        OtherNameRequest request = bindFor(id, body, OtherNameRequest.class);
        UUID nameId = people.addOtherName(id, request.kind(), request.givenName(), request.familyName());
        return ResponseEntity.status(201).body(Map.of("otherNameId", nameId));
    }

    @GetMapping("/{id}/references")
    @Operation(summary = "The agencies' own references to this person (a specialist service's is shown only to it)")
    List<People.AgencyReference> references(@PathVariable UUID id) {
        return people.references(id);
    }

    @PostMapping("/{id}/references")
    @Operation(summary = "Record your agency's reference to this person (a crime number, a case or hospital number)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ReferenceRequest.class))))
    ResponseEntity<Map<String, UUID>> addReference(@PathVariable UUID id, @RequestBody JsonNode body) {
        ReferenceRequest request = bindFor(id, body, ReferenceRequest.class);
        UUID referenceId = people.addReference(id, request.reference());
        return ResponseEntity.status(201).body(Map.of("referenceId", referenceId));
    }

    @GetMapping("/by-reference")
    @Operation(summary = "The people your agency holds under one of its own references")
    List<Person> byReference(@org.springframework.web.bind.annotation.RequestParam(required = false) String reference) {
        return people.findByReference(reference);
    }

    @GetMapping("/{id}/household")
    @Operation(summary = "Who lives or lived with this person, with the dates")
    List<People.HouseholdMember> household(@PathVariable UUID id) {
        return people.household(id);
    }

    @PostMapping("/{id}/household")
    @Operation(summary = "Record that another person lives with this one from a date",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = HouseholdRequest.class))))
    ResponseEntity<Map<String, UUID>> addToHousehold(@PathVariable UUID id, @RequestBody JsonNode body) {
        HouseholdRequest request = bindFor(id, body, HouseholdRequest.class);
        UUID household = people.addToHousehold(id, request.otherPersonId(), request.from());
        return ResponseEntity.status(201).body(Map.of("householdId", household));
    }

    @PostMapping("/{id}/household/{householdId}/leave")
    @Operation(summary = "Record that this person left the household on a date (kept in the history)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = LeaveHouseholdRequest.class))))
    ResponseEntity<Void> leaveHousehold(@PathVariable UUID id, @PathVariable UUID householdId, @RequestBody JsonNode body) {
        LeaveHouseholdRequest request = bindFor(id, body, LeaveHouseholdRequest.class);
        people.leaveHousehold(id, householdId, request.to());
        return ResponseEntity.noContent().build();
    }
}
