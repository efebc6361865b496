package org.waymark.organisations.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.NewAgency;
import org.waymark.organisations.NewUser;
import org.waymark.organisations.UserAccount;
import org.waymark.organisations.UserAccounts;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisations", description = "Agencies, users and the signed-in user")
class OrganisationsApi {

    record Me(UUID id, String username, String displayName, UUID agencyId, String agencyName, Set<String> roles) {
    }

    private final Agencies agencies;
    private final UserAccounts users;

    OrganisationsApi(Agencies agencies, UserAccounts users) {
        this.agencies = agencies;
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, their agency and roles")
    Me me() {
        Actor actor = CurrentActor.require();
        return new Me(actor.userId(), actor.username(), actor.displayName(), actor.agencyId(), actor.agencyName(),
                actor.roles());
    }

    @GetMapping("/agencies")
    @Operation(summary = "All agencies in the partnership")
    List<Agency> agencies() {
        return agencies.list();
    }

    @GetMapping("/agencies/{id}")
    Agency agency(@PathVariable UUID id) {
        return agencies.get(id);
    }

    @PostMapping("/agencies")
    @Operation(summary = "Add an agency (administrators)")
    ResponseEntity<Agency> createAgency(@Valid @RequestBody NewAgency request) {
        Agency agency = agencies.create(request);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + agency.id())).body(agency);
    }

    @GetMapping("/users")
    @Operation(summary = "All user accounts (administrators)")
    List<UserAccount> users() {
        return users.list();
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One user account (administrators, or the user themselves)")
    UserAccount user(@PathVariable UUID id) {
        return users.get(id);
    }

    @PostMapping("/users")
    @Operation(summary = "Add a user account (administrators)")
    ResponseEntity<UserAccount> createUser(@Valid @RequestBody NewUser request) {
        UserAccount user = users.create(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @PostMapping("/users/{id}/unlock")
    @Operation(summary = "Lift a sign-in lockout (administrators)")
    ResponseEntity<Void> unlock(@PathVariable UUID id) {
        users.unlock(id);
        return ResponseEntity.noContent().build();
    }
}
