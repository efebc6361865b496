package org.waymark.audit;

/**
 * The result of walking the audit chain. Hashes are lowercase hex.
 *
 * @param intact          true when every sealed row links to the one before it and still hashes to its stored value
 * @param sealedRows      rows in the chain
 * @param unsealedRows    rows written but not sealed yet (the sealer runs every few seconds)
 * @param verifiedRows    rows checked before the first broken link (all sealed rows when intact)
 * @param lastIndex       chain index of the last row verified, 0 when none
 * @param lastHash        that row's hash; noting it outside the database lets a later check detect a
 *                        truncated or wholly recomputed chain, which the chain alone cannot
 * @param firstBrokenLink null when intact
 */
public record AuditChainReport(boolean intact, long sealedRows, long unsealedRows, long verifiedRows,
                               long lastIndex, String lastHash, BrokenLink firstBrokenLink) {

    /** What kind of tampering the first broken link points to. */
    public enum BreakKind {
        /** A row's contents (or its stored hashes) no longer match what was sealed. */
        CHANGED,
        /** A row is missing from the chain: its chain index is absent. */
        REMOVED,
        /** An intact row sits at the wrong place: it was chained after a different row. */
        REORDERED
    }

    /**
     * @param chainIndex   where the chain breaks (for REMOVED, the first missing index)
     * @param eventId      the audit event at that index (for REMOVED, the row found after the gap)
     * @param kind         what the break looks like
     * @param expectedHash what the chain says the hash should be there
     * @param foundHash    what was found instead
     * @param explanation  the same in words
     */
    public record BrokenLink(long chainIndex, Long eventId, BreakKind kind, String expectedHash, String foundHash,
                             String explanation) {
    }

    /** A few lines for a person: what was checked and, when broken, where. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(intact ? "Audit trail intact" : "Audit trail BROKEN").append('\n');
        text.append("sealed rows: ").append(sealedRows).append('\n');
        text.append("not yet sealed: ").append(unsealedRows).append('\n');
        text.append("verified rows: ").append(verifiedRows).append('\n');
        text.append("last verified chain index: ").append(lastIndex)
                .append(lastHash == null ? "" : " hash " + lastHash).append('\n');
        if (firstBrokenLink != null) {
            text.append("first broken link: chain index ").append(firstBrokenLink.chainIndex())
                    .append(", event id ").append(firstBrokenLink.eventId() == null ? "none" : firstBrokenLink.eventId())
                    .append(", ").append(firstBrokenLink.kind()).append('\n');
            text.append("expected hash: ").append(firstBrokenLink.expectedHash()).append('\n');
            text.append("found hash: ").append(firstBrokenLink.foundHash()).append('\n');
            text.append(firstBrokenLink.explanation()).append('\n');
        }
        return text.toString();
    }
}
