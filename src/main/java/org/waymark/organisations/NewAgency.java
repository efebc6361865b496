package org.waymark.organisations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An administrator's request to add an agency. */
public record NewAgency(
        @NotBlank(message = "Enter the agency's name")
        @Size(min = 2, max = 200, message = "The agency's name must be 2 to 200 characters") String name,
        @NotNull(message = "Select the type of agency") AgencyType type) {
}
