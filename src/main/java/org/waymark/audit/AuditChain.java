package org.waymark.audit;

/**
 * The hash chain over the audit trail. Rows are written unsealed (by {@link AuditTrail}); sealing
 * later gives each committed row its place in the chain, so an edit or deletion made in the database
 * itself shows up as a broken link.
 */
public interface AuditChain {

    /**
     * Seals every row committed so far and not yet in the chain, in id order; waits while another
     * instance is sealing. Returns how many rows this call sealed.
     */
    long seal();

    /**
     * Walks the whole chain in order (a page at a time, so memory stays bounded) and reports the first
     * broken link, if any, with the counts of sealed and unsealed rows. The check is itself audited.
     * Callers decide who may run it: the verify-audit command has database access; the page and the
     * API allow administrators only.
     */
    AuditChainReport verify();
}
