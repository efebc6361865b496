/**
 * Agencies, the people who sign in, their roles, and how they sign in (local accounts with lockout,
 * HTTP Basic for the API, OIDC bearer tokens when configured).
 */
package org.waymark.organisations;
