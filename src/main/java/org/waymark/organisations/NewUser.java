package org.waymark.organisations;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator's request to add a user. The password is an initial one the user is given. */
public record NewUser(
        @NotBlank(message = "Enter a username")
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,62}$",
                message = "Username must be 2 to 63 lower-case letters, digits, dots, hyphens or underscores")
        String username,
        @NotBlank(message = "Enter the user's full name")
        @Size(max = 200, message = "Full name must be 200 characters or fewer") String displayName,
        @Email(message = "Enter an email address in the correct format, like name@example.org")
        @Size(max = 320, message = "Email address must be 320 characters or fewer") String email,
        @NotNull(message = "Select the user's agency") UUID agencyId,
        @NotEmpty(message = "Select at least one role") Set<Role> roles,
        @NotBlank(message = "Enter an initial password")
        @Size(min = 12, max = 128, message = "Password must be 12 to 128 characters") String password) {
}
