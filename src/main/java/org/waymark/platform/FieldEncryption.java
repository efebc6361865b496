package org.waymark.platform;

/**
 * Seals restricted values (a victim's safe address, a new phone number) for storage, and opens them
 * again. Each value is bound to where it belongs by its {@code context}, authenticated but not
 * stored, such as {@code "person_address/<rowId>/address"}: a sealed value copied to another row or
 * column does not open. Always pass the same context for a value when sealing and opening it.
 * A null value stays null, so optional columns need no special case.
 */
public interface FieldEncryption {

    /** The sealed form of {@code plaintext} (AES-256-GCM under the current primary key), or null for null. */
    byte[] seal(String plaintext, String context);

    /**
     * The plaintext of a value sealed with the same context, or null for null.
     *
     * @throws FieldEncryptionException when it does not open: another context, altered, or its key retired
     */
    String open(byte[] sealed, String context);

    /** True when the value was not sealed under the current primary key (after a rotation); false for null. */
    boolean needsResealing(byte[] sealed);

    /**
     * Opens the value and, if it is not under the current primary key, seals it again under that key;
     * a current value is returned as it is. Either way the context is checked.
     *
     * @throws FieldEncryptionException when it does not open with this context
     */
    byte[] reseal(byte[] sealed, String context);
}
