package com.lendflow.creditdecision.report;

import com.lendflow.creditdecision.bureau.BureauReport;
import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.security.crypto.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports Lendflow keeps, and the audit of every read. A report is kept for
 * {@code lendflow.credit-decision.report-cache.max-age} (default 30 days) after it was fetched:
 * a decision within that time reads it instead of querying the bureau again. Reports are keyed by
 * a blind index of the ID number and stored only encrypted. A drawdown asks for a fresher one
 * ({@link #fetchedWithin}). Every method joins the caller's
 * transaction, so a read is logged in the same commit as the decision it served.
 */
@Component
public class CreditReports {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;
    private final Duration maxAge;

    CreditReports(JdbcClient jdbc, JsonMapper json, PersonalDataCipher cipher, BlindIndex index, Clock clock,
                  @Value("${lendflow.credit-decision.report-cache.max-age:30d}") Duration maxAge) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The person's kept report if it was fetched less than the maximum age ago. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StoredReport> fresh(String idNumber) {
        return fetchedWithin(idNumber, maxAge);
    }

    /** The person's kept report if it was fetched less than {@code age} ago (a drawdown asks for a fresher one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StoredReport> fetchedWithin(String idNumber, Duration age) {
        Instant oldest = clock.instant().minus(age);
        return jdbc.sql("""
                select id, report_encrypted, fetched_at from credit_report
                where id_number_index = ? and fetched_at > ?
                """)
                .params(index.of(idNumber), OffsetDateTime.ofInstant(oldest, ZoneOffset.UTC))
                .query((rs, n) -> new StoredReport(rs.getObject("id", UUID.class),
                        json.readValue(cipher.decrypt(rs.getString("report_encrypted")), BureauReport.class),
                        rs.getObject("fetched_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Keeps a report just fetched from the bureau, replacing the person's older one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredReport keep(String idNumber, BureauReport report, Instant fetchedAt) {
        UUID id = UUID.randomUUID();
        UUID kept = jdbc.sql("""
                insert into credit_report (id, id_number_index, bureau_report_id, report_encrypted, fetched_at)
                values (:id, :index, :bureauId, :report, :at)
                on conflict (id_number_index) do update
                    set id = excluded.id, bureau_report_id = excluded.bureau_report_id,
                        report_encrypted = excluded.report_encrypted, fetched_at = excluded.fetched_at
                returning id
                """)
                .param("id", id)
                .param("index", index.of(idNumber))
                .param("bureauId", report.bureauReportId())
                .param("report", cipher.encrypt(json.writeValueAsString(report)))
                .param("at", OffsetDateTime.ofInstant(fetchedAt, ZoneOffset.UTC))
                .query(UUID.class).single();
        return new StoredReport(kept, report, fetchedAt);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ReportRead recordRead(StoredReport report, UUID applicationId, UUID customerId, UUID authorisationDocumentId,
                                 String authorisationSha256, ReportSource source) {
        return record(new ReportRead(report.id(), applicationId, null, customerId, authorisationDocumentId,
                authorisationSha256, source, clock.instant()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ReportRead recordDrawdownRead(StoredReport report, UUID drawdownId, UUID customerId,
                                         UUID authorisationDocumentId, String authorisationSha256, ReportSource source) {
        return record(new ReportRead(report.id(), null, drawdownId, customerId, authorisationDocumentId,
                authorisationSha256, source, clock.instant()));
    }

    private ReportRead record(ReportRead read) {
        jdbc.sql("""
                insert into report_read (report_id, application_id, drawdown_id, customer_id, authorisation_document_id,
                                         authorisation_sha256, source, read_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(read.reportId(), read.applicationId(), read.drawdownId(), read.customerId(),
                        read.authorisationDocumentId(), read.authorisationSha256(), read.source().name(),
                        OffsetDateTime.ofInstant(read.readAt(), ZoneOffset.UTC))
                .update();
        return read;
    }

    public List<ReportRead> readsOfCustomer(UUID customerId) {
        return reads("customer_id", customerId);
    }

    public List<ReportRead> readsForApplication(UUID applicationId) {
        return reads("application_id", applicationId);
    }

    public List<ReportRead> readsForDrawdown(UUID drawdownId) {
        return reads("drawdown_id", drawdownId);
    }

    private List<ReportRead> reads(String column, UUID id) {
        // column is one of three names fixed above, never input.
        return jdbc.sql("""
                select report_id, application_id, drawdown_id, customer_id, authorisation_document_id, authorisation_sha256,
                       source, read_at
                from report_read where %s = ? order by read_at, id limit 500
                """.formatted(column))
                .param(id)
                .query((rs, n) -> new ReportRead(rs.getObject("report_id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getObject("drawdown_id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getObject("authorisation_document_id", UUID.class), rs.getString("authorisation_sha256"),
                        ReportSource.valueOf(rs.getString("source")),
                        rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
