package org.waymark.platform;

/**
 * A module that holds sealed (encrypted) values. After a key rotation, {@code java -jar waymark.jar reseal}
 * asks each one to reseal its values under the new primary key, so the old key can then be retired.
 */
public interface Resealable {

    /** Reseals every value not sealed under the current primary key; returns how many. */
    int resealAll();
}
