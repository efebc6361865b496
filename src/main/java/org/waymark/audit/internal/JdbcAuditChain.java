package org.waymark.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditChain;
import org.waymark.audit.AuditChainReport;
import org.waymark.audit.AuditChainReport.BreakKind;
import org.waymark.audit.AuditChainReport.BrokenLink;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;

import static org.waymark.audit.internal.AuditRowHash.hex;

/**
 * Seals and verifies the audit chain. Only the sealer takes a lock (a transaction-level advisory lock,
 * shared by every instance over the database), so writers never wait for it; each seal transaction
 * appends up to one batch of committed rows after the chain's current end.
 */
@Service
class JdbcAuditChain implements AuditChain {

    /** One advisory lock key for every Waymark instance: the ASCII of "wmaudit". */
    static final long SEALER_LOCK = 0x776d6175646974L;
    static final int BATCH = 1000;
    private static final int PAGE = 2000;
    private static final String COLUMNS = """
            id, occurred_at, actor_user_id, actor_username, actor_agency_id, action, object_type, object_id,
            outcome, client_address, details::text as details, chain_index, prev_hash, row_hash""";

    private record ChainRow(long chainIndex, byte[] prevHash, byte[] rowHash, AuditRowHash.Row row) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate ownTransaction;
    private final AuditTrail audit;

    JdbcAuditChain(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Never inside a caller's transaction: that would hold the lock for as long as the caller runs.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long seal() {
        return sealAll(true);
    }

    /** The scheduled sealer: returns -1 at once when another instance holds the lock. */
    long sealIfFree() {
        return sealAll(false);
    }

    private long sealAll(boolean wait) {
        long total = 0;
        while (true) {
            Integer sealed = ownTransaction.execute(status -> sealBatch(wait));
            if (sealed == null || sealed < 0) {
                return total == 0 ? -1 : total;
            }
            total += sealed;
            if (sealed < BATCH) {
                return total;
            }
        }
    }

    private int sealBatch(boolean wait) {
        if (wait) {
            jdbc.sql("set local lock_timeout = '60s'").update();
            jdbc.sql("select pg_advisory_xact_lock(?)").param(SEALER_LOCK).query().listOfRows();
        } else if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEALER_LOCK).query(Boolean.class).single()) {
            return -1;
        }
        // Rows committed after this statement's snapshot (even with a lower id) are sealed by a later batch.
        List<ChainRow> unsealed = jdbc.sql("select " + COLUMNS + " from audit_event where chain_index is null"
                + " order by id limit " + BATCH).query(JdbcAuditChain::chainRow).list();
        if (unsealed.isEmpty()) {
            return 0;
        }
        Optional<ChainRow> last = jdbc.sql("select " + COLUMNS + " from audit_event where chain_index is not null"
                + " order by chain_index desc limit 1").query(JdbcAuditChain::chainRow).optional();
        long index = last.map(ChainRow::chainIndex).orElse(0L);
        byte[] prev = last.map(ChainRow::rowHash).orElse(AuditRowHash.GENESIS);
        List<Object[]> seals = new ArrayList<>(unsealed.size());
        for (ChainRow row : unsealed) {
            byte[] hash = AuditRowHash.hash(prev, row.row());
            seals.add(new Object[] {++index, prev, hash, row.row().id()});
            prev = hash;
        }
        int[] updated = template.batchUpdate("update audit_event set chain_index = ?, prev_hash = ?, row_hash = ?"
                + " where id = ? and chain_index is null", seals);
        for (int count : updated) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("An audit row was sealed by someone else; this batch is rolled back");
            }
        }
        return unsealed.size();
    }

    @Override
    public AuditChainReport verify() {
        long index = 0;
        byte[] prev = AuditRowHash.GENESIS;
        long verified = 0;
        BrokenLink broken = null;
        walk:
        while (true) {
            List<ChainRow> page = jdbc.sql("select " + COLUMNS + " from audit_event where chain_index > ?"
                            + " order by chain_index limit " + PAGE)
                    .param(index).query(JdbcAuditChain::chainRow).list();
            if (page.isEmpty()) {
                break;
            }
            for (ChainRow row : page) {
                broken = check(index, prev, row);
                if (broken != null) {
                    break walk;
                }
                index = row.chainIndex();
                prev = row.rowHash();
                verified++;
            }
        }
        long sealed = jdbc.sql("select count(*) from audit_event where chain_index is not null")
                .query(Long.class).single();
        long unsealed = jdbc.sql("select count(*) from audit_event where chain_index is null")
                .query(Long.class).single();
        AuditChainReport report = new AuditChainReport(broken == null, sealed, unsealed, verified, index,
                index == 0 ? null : hex(prev), broken);
        AuditEntry entry = AuditEntry.allowed("VERIFY_AUDIT_CHAIN", "AUDIT_TRAIL", null)
                .with("result", report.intact() ? "INTACT" : "BROKEN")
                .with("verifiedRows", Long.toString(verified));
        if (broken != null) {
            entry = entry.with("brokenAt", Long.toString(broken.chainIndex())).with("kind", broken.kind().name());
        }
        audit.recordIndependently(entry);
        return report;
    }

    /** For the page and the API: administrators only, and a refusal is audited. */
    AuditChainReport verifyForAdministrator() {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("ADMIN")) {
            audit.recordIndependently(AuditEntry.refused("VERIFY_AUDIT_CHAIN", "AUDIT_TRAIL", null,
                    "not an administrator"));
            throw new AccessDeniedException("Only administrators may verify the audit trail");
        }
        return verify();
    }

    /** Null when the row carries on the chain from (index, prev); otherwise what is wrong. */
    private BrokenLink check(long index, byte[] prev, ChainRow row) {
        long expectedIndex = index + 1;
        long id = row.row().id();
        if (row.chainIndex() != expectedIndex) {
            return new BrokenLink(expectedIndex, id, BreakKind.REMOVED, hex(prev), hex(row.prevHash()),
                    "Chain index " + (row.chainIndex() == expectedIndex + 1 ? Long.toString(expectedIndex)
                            : expectedIndex + " to " + (row.chainIndex() - 1))
                            + " missing: the next row in the chain is event " + id + " at chain index "
                            + row.chainIndex() + ".");
        }
        byte[] computed = AuditRowHash.hash(row.prevHash(), row.row());
        if (!Arrays.equals(computed, row.rowHash())) {
            return new BrokenLink(row.chainIndex(), id, BreakKind.CHANGED, hex(computed), hex(row.rowHash()),
                    "Event " + id + " no longer hashes to the value it was sealed with: a column or its stored hash"
                            + " was changed after sealing.");
        }
        if (!Arrays.equals(row.prevHash(), prev)) {
            if (index == 0) {
                return new BrokenLink(row.chainIndex(), id, BreakKind.CHANGED, hex(prev), hex(row.prevHash()),
                        "Event " + id + " starts the chain but is not chained after the genesis value.");
            }
            Optional<Long> chainedAfter = jdbc.sql("select chain_index from audit_event where row_hash = ?"
                    + " and chain_index <> ? limit 1").param(row.prevHash()).param(index).query(Long.class).optional();
            if (chainedAfter.isPresent()) {
                return new BrokenLink(row.chainIndex(), id, BreakKind.REORDERED, hex(prev), hex(row.prevHash()),
                        "Event " + id + " is intact but was sealed after the row now at chain index "
                                + chainedAfter.get() + ", not after chain index " + index + ": rows were moved.");
            }
            Long previousId = jdbc.sql("select id from audit_event where chain_index = ?").param(index)
                    .query(Long.class).optional().orElse(null);
            return new BrokenLink(index, previousId, BreakKind.CHANGED, hex(row.prevHash()), hex(prev),
                    "The row at chain index " + index + " is not the row that chain index " + row.chainIndex()
                            + " was sealed after: it was rewritten with a recomputed hash, or rows were removed"
                            + " and the chain renumbered.");
        }
        return null;
    }

    private static ChainRow chainRow(ResultSet rs, int rowNumber) throws SQLException {
        long chainIndex = rs.getLong("chain_index");
        AuditRowHash.Row row = new AuditRowHash.Row(rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
                rs.getObject("actor_agency_id", UUID.class), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("outcome"), rs.getString("client_address"),
                rs.getString("details"));
        return new ChainRow(chainIndex, rs.getBytes("prev_hash"), rs.getBytes("row_hash"), row);
    }
}
