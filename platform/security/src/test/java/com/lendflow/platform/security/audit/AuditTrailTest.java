package com.lendflow.platform.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lendflow.platform.security.testapp.SecurityTestApplication;
import com.lendflow.testsupport.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RealInfrastructure(database = "lendflow_security_test")
class AuditTrailTest {

    @Autowired AuditTrail auditTrail;
    @Autowired AuditRecords auditRecords;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    /** Every test audits a customer of its own, so records left by earlier tests never match. */
    final String customerId = UUID.randomUUID().toString();

    @AfterEach
    void forgetTheRequest() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void revealingACustomerIsRecordedWithWhoDidItTheirRolesAndTheRequest() {
        actingAs("li.supervisor", "ROLE_OPS_SUPERVISOR", "ROLE_OPS", "SCOPE_ops");
        MDC.put("requestId", "6f1c2a4e-2b4d-4d3c-9a77-0c1f5e2d9b10");

        auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "customer called about a disputed repayment"));

        AuditRecordView record = auditRecords.search(AuditQuery.ofSubject("customer", customerId)).getFirst();
        assertThat(record.actor()).isEqualTo("li.supervisor");
        assertThat(record.actorRoles()).containsExactly("OPS", "OPS_SUPERVISOR");
        assertThat(record.action()).isEqualTo("customer.reveal");
        assertThat(record.reason()).isEqualTo("customer called about a disputed repayment");
        assertThat(record.requestId()).isEqualTo("6f1c2a4e-2b4d-4d3c-9a77-0c1f5e2d9b10");
        assertThat(record.service()).isEqualTo("security-test");
        assertThat(record.before()).isNull();
        assertThat(record.occurredAt()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aScheduledJobWithNobodyLoggedInIsRecordedAsTheSystem() {
        auditTrail.record(AuditEntry.of("customer.purge-expired-documents", "customer", customerId, null));

        AuditRecordView record = auditRecords.search(AuditQuery.ofSubject("customer", customerId)).getFirst();
        assertThat(record.actor()).isEqualTo("system");
        assertThat(record.actorRoles()).isEmpty();
        assertThat(record.requestId()).isNull();
    }

    @Test
    void aBlacklistChangeKeepsTheMaskedStateBeforeAndAfter() {
        actingAs("wang.ops", "ROLE_OPS");

        auditTrail.record(new AuditEntry("blacklist.change", "customer", customerId,
                new BlacklistEntry("138****5678", false), new BlacklistEntry("138****5678", true), "fraud ring"));

        AuditRecordView record = auditRecords.search(AuditQuery.ofSubject("customer", customerId)).getFirst();
        assertThat(record.before().get("mobile").asString()).isEqualTo("138****5678");
        assertThat(record.before().get("blacklisted").asBoolean()).isFalse();
        assertThat(record.after().get("blacklisted").asBoolean()).isTrue();
    }

    @Test
    void anActionThatRollsBackLeavesNoRecord() {
        actingAs("wang.ops", "ROLE_OPS");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            auditTrail.record(new AuditEntry("blacklist.change", "customer", customerId, null,
                    new BlacklistEntry("138****5678", true), "suspected fraud"));
            throw new IllegalStateException("the blacklist service refused the change");
        })).hasMessageContaining("refused");

        assertThat(auditRecords.search(AuditQuery.ofSubject("customer", customerId))).isEmpty();
    }

    @Test
    void anActionThatCommitsKeepsItsRecord() {
        transaction.executeWithoutResult(status -> auditTrail.record(new AuditEntry("blacklist.change", "customer",
                customerId, null, new BlacklistEntry("138****5678", true), "confirmed fraud")));

        assertThat(auditRecords.search(AuditQuery.ofSubject("customer", customerId))).hasSize(1);
    }

    @Test
    void auditRecordsCannotBeChangedOrDeleted() {
        long id = auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "identity check"));

        assertThatThrownBy(() -> jdbc.sql("update audit.audit_record set actor = 'someone.else' where id = ?")
                .param(id).update())
                .hasMessageContaining("audit.audit_record is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_record where id = ?").param(id).update())
                .hasMessageContaining("audit.audit_record is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.audit_record").update())
                .hasMessageContaining("audit.audit_record is append-only: TRUNCATE is not allowed");

        Map<String, Object> row = jdbc.sql("select actor, action from audit.audit_record where id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("actor", "system").containsEntry("action", "customer.reveal");
    }

    @Test
    void aCustomersHistoryComesNewestFirstAndCanBeNarrowedToOneAction() {
        actingAs("li.supervisor", "ROLE_OPS_SUPERVISOR");
        long firstReveal = auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "first call"));
        long blacklisting = auditTrail.record(new AuditEntry("blacklist.change", "customer", customerId, null,
                new BlacklistEntry("138****5678", true), "fraud ring"));
        long secondReveal = auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "second call"));
        auditTrail.record(AuditEntry.of("customer.reveal", "customer", UUID.randomUUID().toString(), "another customer"));

        assertThat(ids(auditRecords.search(AuditQuery.ofSubject("customer", customerId))))
                .containsExactly(secondReveal, blacklisting, firstReveal);
        assertThat(ids(auditRecords.search(AuditQuery.ofSubject("customer", customerId).withAction("customer.reveal"))))
                .containsExactly(secondReveal, firstReveal);
        assertThat(ids(auditRecords.search(AuditQuery.ofSubject("customer", customerId).page(1, 2))))
                .containsExactly(firstReveal);
    }

    @Test
    void searchesByWhoActedAndWhen() {
        String actor = "zhao." + UUID.randomUUID();
        actingAs(actor, "ROLE_OPS");
        Instant before = Instant.now().minusSeconds(1);
        long reveal = auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "check"));

        assertThat(ids(auditRecords.search(AuditQuery.all().withActor(actor)))).containsExactly(reveal);
        assertThat(auditRecords.search(AuditQuery.all().withActor(actor).between(before, Instant.now().plusSeconds(1))))
                .hasSize(1);
        assertThat(auditRecords.search(AuditQuery.all().withActor(actor).between(before.minusSeconds(60), before)))
                .isEmpty();
    }

    @Test
    void aSearchPageHoldsAtMostTwoHundredRecords() {
        assertThatThrownBy(() -> AuditQuery.all().page(0, 201))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("size: must be between 1 and 200");
        assertThatThrownBy(() -> AuditQuery.all().page(-1, 50)).hasMessageContaining("page");
    }

    private static void actingAs(String username, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
    }

    private static List<Long> ids(List<AuditRecordView> records) {
        return records.stream().map(AuditRecordView::id).toList();
    }

    record BlacklistEntry(String mobile, boolean blacklisted) {
    }
}
