package org.waymark.organisations;

/**
 * A sign-in refused because too many sign-ins failed from the client's address: the sign-in page
 * finds the seconds to wait in this request attribute and shows the refusal (429) instead of the form's usual answer.
 */
public final class SignInLimit {

    public static final String RETRY_AFTER_SECONDS = "org.waymark.organisations.SignInLimit.retryAfterSeconds";

    private SignInLimit() {
    }
}
