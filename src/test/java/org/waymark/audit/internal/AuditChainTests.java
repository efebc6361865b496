package org.waymark.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkApplication;
import org.waymark.WaymarkTest;
import org.waymark.audit.AuditChainReport;
import org.waymark.audit.AuditChainReport.BreakKind;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.audit.VerifyAuditCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The suite shares one database: every test tampers only with rows it wrote, and puts them back
 * (as a DBA would, with the triggers disabled) before it ends, so the chain is intact for the others.
 */
@WaymarkTest
class AuditChainTests {

    @Autowired
    JdbcAuditChain chain;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    private TransactionTemplate transaction;
    private final List<Runnable> repairs = new ArrayList<>();

    record Sealed(long id, long chainIndex, byte[] prevHash, byte[] rowHash) {
    }

    @BeforeEach
    void setUp() {
        data.demoPartnership();
        transaction = new TransactionTemplate(transactions);
    }

    @AfterEach
    void repairWhatWasTamperedWith() {
        for (int i = repairs.size() - 1; i >= 0; i--) {
            repairs.get(i).run();
        }
        assertThat(chain.verify().intact()).as("the chain is intact again for the rest of the suite").isTrue();
    }

    @Test
    void sealsCommittedRowsIncludingRefusalsRecordedWhileTheCallersTransactionIsOpen() {
        String marker = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            audit.record(entry(marker, "in-the-callers-transaction"));
            audit.recordIndependently(entry(marker, "independently"));
            // The independent row has committed; the caller's, with the lower id, has not yet.
            assertThat(chain.seal()).isGreaterThanOrEqualTo(1);
            assertThat(step(marker, "independently").chainIndex()).isPositive();
            assertThat(jdbc.sql("select chain_index from audit_event where object_id = ? and details->>'step' = ?")
                    .param(marker).param("in-the-callers-transaction").query(Long.class).optional()).isEmpty();
        });
        chain.seal();

        Sealed caller = step(marker, "in-the-callers-transaction");
        Sealed independent = step(marker, "independently");
        assertThat(caller.id()).isLessThan(independent.id());
        assertThat(caller.chainIndex()).isGreaterThan(independent.chainIndex());
        assertThat(caller.prevHash()).isEqualTo(rowAt(caller.chainIndex() - 1).rowHash());
        AuditChainReport report = chain.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.firstBrokenLink()).isNull();
        assertThat(report.verifiedRows()).isGreaterThanOrEqualTo(caller.chainIndex());
    }

    @Test
    void aRolledBackRowIsNeverSealed() {
        String marker = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            audit.record(entry(marker, "rolled-back"));
            status.setRollbackOnly();
        });
        chain.seal();
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = ?").param(marker)
                .query(Long.class).single()).isZero();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void twoConcurrentSealersDoNotForkTheChain() throws Exception {
        String marker = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into audit_event (action, object_type, object_id, outcome, details)
                select 'CHAIN_TEST', 'TEST', ?, 'ALLOWED', jsonb_build_object('n', n::text)
                from generate_series(1, ?) n
                """).param(marker).param(JdbcAuditChain.BATCH * 2 + 500).update();

        int sealers = 3;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicLong sealedByAll = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(sealers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < sealers; i++) {
                running.add(pool.submit(() -> {
                    try {
                        start.await();
                        sealedByAll.addAndGet(chain.seal());
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            start.countDown();
            for (Future<?> sealer : running) {
                sealer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        // The scheduled sealer may have taken some batches too; between them, every row is sealed once.
        assertThat(sealedByAll.get()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = ? and chain_index is null")
                .param(marker).query(Long.class).single()).isZero();
        Map<String, Object> shape = jdbc.sql("""
                select count(*) as sealed, count(distinct prev_hash) as links, max(chain_index) as last
                from audit_event where chain_index is not null
                """).query().singleRow();
        assertThat(shape.get("links")).isEqualTo(shape.get("sealed"));
        assertThat(shape.get("last")).isEqualTo(shape.get("sealed"));
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theScheduledSealerSkipsWhileAnotherInstanceIsSealing() throws Exception {
        String marker = UUID.randomUUID().toString();
        audit.recordIndependently(entry(marker, "waiting"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = otherInstance.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("select pg_advisory_xact_lock(?)").param(JdbcAuditChain.SEALER_LOCK).query().listOfRows();
                locked.countDown();
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(chain.sealIfFree()).isEqualTo(-1);
            assertThat(jdbc.sql("select chain_index from audit_event where object_id = ?").param(marker)
                    .query(Long.class).optional()).isEmpty();
            release.countDown();
            holder.get(1, TimeUnit.MINUTES);
        } finally {
            release.countDown();
            otherInstance.shutdownNow();
        }
        chain.seal();
        assertThat(step(marker, "waiting").chainIndex()).isPositive();
    }

    @Test
    void aRowChangedInTheDatabaseIsReportedAtThatRow() {
        Sealed[] rows = sealedRows(2);
        Sealed changed = rows[0];
        tamper(changed.id(), "object_id", "someone else");

        AuditChainReport report = chain.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().kind()).isEqualTo(BreakKind.CHANGED);
        assertThat(report.firstBrokenLink().chainIndex()).isEqualTo(changed.chainIndex());
        assertThat(report.firstBrokenLink().eventId()).isEqualTo(changed.id());
        assertThat(report.firstBrokenLink().foundHash()).isEqualTo(AuditRowHash.hex(changed.rowHash()));
        assertThat(report.firstBrokenLink().expectedHash()).isNotEqualTo(report.firstBrokenLink().foundHash());
        assertThat(report.verifiedRows()).isEqualTo(changed.chainIndex() - 1);
    }

    @Test
    void aRowRemovedFromTheDatabaseIsReportedAsAGap() {
        Sealed[] rows = sealedRows(2);
        Sealed removed = rows[0];
        Map<String, Object> original = jdbc.sql("""
                select id, occurred_at, actor_user_id, actor_username, actor_agency_id, action, object_type, object_id,
                       outcome, client_address, details::text as details, chain_index, prev_hash, row_hash
                from audit_event where id = ?""").param(removed.id()).query().singleRow();
        asDatabaseOwner("delete from audit_event where id = ?", removed.id());
        repairs.add(() -> asDatabaseOwner("""
                insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_agency_id, action,
                                         object_type, object_id, outcome, client_address, details, chain_index,
                                         prev_hash, row_hash)
                overriding system value
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""",
                original.values().toArray()));

        AuditChainReport report = chain.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().kind()).isEqualTo(BreakKind.REMOVED);
        assertThat(report.firstBrokenLink().chainIndex()).isEqualTo(removed.chainIndex());
        assertThat(report.firstBrokenLink().eventId()).isEqualTo(rows[1].id());
        assertThat(report.firstBrokenLink().foundHash()).isEqualTo(AuditRowHash.hex(removed.rowHash()));
    }

    @Test
    void twoRowsSwappedInTheChainAreReportedAsReordered() {
        Sealed[] rows = sealedRows(2);
        Sealed first = rows[0];
        Sealed second = rows[1];
        place(first.id(), second.chainIndex(), second.id(), first.chainIndex());
        repairs.add(() -> place(second.id(), second.chainIndex(), first.id(), first.chainIndex()));

        AuditChainReport report = chain.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().kind()).isEqualTo(BreakKind.REORDERED);
        assertThat(report.firstBrokenLink().chainIndex()).isEqualTo(first.chainIndex());
        assertThat(report.firstBrokenLink().eventId()).isEqualTo(second.id());
    }

    @Test
    void theTriggersStillRefuseUpdatesDeletesAndResealing() {
        Sealed sealed = sealedRows(1)[0];
        assertRefused("update audit_event set action = 'CHANGED' where id = ?", sealed.id());
        assertRefused("delete from audit_event where id = ?", sealed.id());
        assertRefused("update audit_event set row_hash = prev_hash where id = ?", sealed.id());
        assertRefused("update audit_event set chain_index = null, prev_hash = null, row_hash = null where id = ?",
                sealed.id());
        assertRefused("""
                insert into audit_event (action, outcome, chain_index, prev_hash, row_hash)
                values ('FORGED', 'ALLOWED', 999999999, ?, ?)""", sealed.rowHash(), sealed.rowHash());

        // An unsealed row, invisible to the sealers because it is not committed: only a true seal may touch it.
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        transaction.executeWithoutResult(status -> {
            String marker = UUID.randomUUID().toString();
            audit.record(entry(marker, "unsealed"));
            long id = jdbc.sql("select id from audit_event where object_id = ?").param(marker).query(Long.class).single();
            long next = jdbc.sql("select max(chain_index) + 1 from audit_event").query(Long.class).single();
            byte[] last = rowAt(next - 1).rowHash();
            byte[] wrong = new byte[32];
            assertThatThrownBy(() -> nested.executeWithoutResult(s -> jdbc.sql(
                    "update audit_event set action = 'CHANGED', chain_index = ?, prev_hash = ?, row_hash = ? where id = ?")
                    .params(next, last, wrong, id).update()))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> nested.executeWithoutResult(s -> jdbc.sql(
                    "update audit_event set chain_index = ?, prev_hash = ?, row_hash = ? where id = ?")
                    .params(next, wrong, wrong, id).update()))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("must link");
            assertThatThrownBy(() -> nested.executeWithoutResult(s -> jdbc.sql(
                    "update audit_event set chain_index = ?, prev_hash = ?, row_hash = ? where id = ?")
                    .params(next + 5, last, wrong, id).update()))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("must link");
            status.setRollbackOnly();
        });
    }

    @Test
    void theVerifyAuditCommandExitsTwoOnTamperingAndZeroWhenIntact() {
        Sealed changed = sealedRows(2)[0];
        tamper(changed.id(), "outcome", "REFUSED");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = VerifyAuditCommand.run(WaymarkApplication.class, new String[0],
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Audit trail BROKEN")
                .contains("first broken link: chain index " + changed.chainIndex() + ", event id " + changed.id()
                        + ", CHANGED");

        repairs.remove(repairs.size() - 1).run();
        printed.reset();
        assertThat(VerifyAuditCommand.run(chain, new PrintStream(printed, true, StandardCharsets.UTF_8))).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Audit trail intact");
    }

    @Test
    void onlyAdministratorsMayVerifyThroughTheApiAndARefusalIsAudited() throws Exception {
        long before = data.lastAuditId();
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isForbidden());
        assertThat(data.auditSince(before)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("VERIFY_AUDIT_CHAIN");
            assertThat(row.get("outcome")).isEqualTo("REFUSED");
            assertThat(row.get("actor_username")).isEqualTo("demo.police");
        });
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("demo.admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.firstBrokenLink").doesNotExist())
                .andExpect(jsonPath("$.unsealedRows").isNumber());
    }

    @Test
    void theVerificationPageIsForAdministratorsAndShowsWhereTheChainBreaks() throws Exception {
        mvc.perform(get("/admin/audit/verification").session(SignedIn.as(mvc, "demo.marac")))
                .andExpect(status().isForbidden());

        var admin = SignedIn.as(mvc, "demo.admin");
        mvc.perform(get("/admin/audit/verification").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Intact")));

        Sealed changed = sealedRows(2)[0];
        tamper(changed.id(), "client_address", "203.0.113.9");
        mvc.perform(get("/admin/audit/verification").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("has been tampered with")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A changed row")));
        mvc.perform(get("/").session(admin))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/admin/audit/verification")));
    }

    private static AuditEntry entry(String marker, String step) {
        return AuditEntry.allowed("CHAIN_TEST", "TEST", marker).with("step", step);
    }

    /** Writes rows of its own, each committed, seals them and returns them in chain order. */
    private Sealed[] sealedRows(int count) {
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            String step = "row-" + i;
            transaction.executeWithoutResult(status -> audit.record(entry(marker, step)));
        }
        chain.seal();
        Sealed[] rows = new Sealed[count];
        for (int i = 0; i < count; i++) {
            rows[i] = step(marker, "row-" + i);
        }
        for (int i = 1; i < count; i++) {
            assertThat(rows[i].chainIndex()).isEqualTo(rows[i - 1].chainIndex() + 1);
        }
        return rows;
    }

    private Sealed step(String marker, String step) {
        return jdbc.sql("select id, chain_index, prev_hash, row_hash from audit_event where object_id = ?"
                        + " and details->>'step' = ?")
                .param(marker).param(step)
                .query((rs, n) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4))).single();
    }

    private Sealed rowAt(long chainIndex) {
        return jdbc.sql("select id, chain_index, prev_hash, row_hash from audit_event where chain_index = ?")
                .param(chainIndex)
                .query((rs, n) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4))).single();
    }

    /** Moves event a to chain index aIndex and b to bIndex (a parked meanwhile: chain indexes are unique). */
    private void place(long a, long aIndex, long b, long bIndex) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_event disable trigger user").update();
            long parked = jdbc.sql("select max(chain_index) + 1000000 from audit_event").query(Long.class).single();
            jdbc.sql("update audit_event set chain_index = ? where id = ?").params(parked, a).update();
            jdbc.sql("update audit_event set chain_index = ? where id = ?").params(bIndex, b).update();
            jdbc.sql("update audit_event set chain_index = ? where id = ?").params(aIndex, a).update();
            jdbc.sql("alter table audit_event enable trigger user").update();
        });
    }

    /** Changes one text column of a sealed row behind the triggers' back, and arranges to put it back. */
    private void tamper(long id, String column, String value) {
        String original = jdbc.sql("select " + column + " from audit_event where id = ?").param(id)
                .query((rs, n) -> rs.getString(1)).single();
        asDatabaseOwner("update audit_event set " + column + " = ? where id = ?", value, id);
        repairs.add(() -> asDatabaseOwner("update audit_event set " + column + " = ? where id = ?", original, id));
    }

    /** What a DBA who owns the table could do: switch the triggers off, change rows, switch them on. */
    private void asDatabaseOwner(String sql, Object... params) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_event disable trigger user").update();
            assertThat(jdbc.sql(sql).params(params).update()).isEqualTo(1);
            jdbc.sql("alter table audit_event enable trigger user").update();
        });
    }

    private void assertRefused(String sql, Object... params) {
        assertThatThrownBy(() -> jdbc.sql(sql).params(params).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }
}
