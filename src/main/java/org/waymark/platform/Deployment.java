package org.waymark.platform;

/** How this instance is deployed. Demo data is only ever loaded on the embedded database. */
public record Deployment(boolean embeddedDatabase) {
}
