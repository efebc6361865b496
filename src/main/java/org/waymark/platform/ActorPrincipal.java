package org.waymark.platform;

/** Implemented by every authenticated principal, whatever signed it in (form, HTTP Basic, OIDC bearer token). */
public interface ActorPrincipal {
    Actor actor();
}
