package com.lendflow.reconciliation.discrepancy;

import com.lendflow.platform.web.Amounts;
import com.lendflow.reconciliation.ReconciliationSettings;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The breaks as ops see them: filtered and paged in the database, each with both sides' data and its age. */
@Component
public class Breaks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReconciliationSettings settings;

    Breaks(JdbcClient jdbc, Clock clock, ReconciliationSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public record SideView(String amount, String status, Instant at, String record) {
    }

    /** {@code ageDays}: days from the business date until today, or until it was resolved. */
    public record BreakView(UUID id, LocalDate businessDate, String reconciliation, String party, String leg,
                            String reference, String breakClass, String state, String resolution, String reason,
                            String kind, SideView ours, SideView theirs, String difference, String loanId,
                            boolean dangerous, long ageDays, Instant openedAt, Instant updatedAt, String updatedBy,
                            Instant resolvedAt, LocalDate settledOn, String journalEntryId) {
    }

    public record HistoryEntry(Instant at, String by, String from, String to, String breakClass, String resolution,
                               String reason) {
    }

    public record Detail(BreakView breakRecord, List<HistoryEntry> history) {
    }

    public record Filter(String breakClass, String state, String reconciliation, String party, LocalDate date,
                         LocalDate from, LocalDate to, Integer minAgeDays, Integer maxAgeDays, BigDecimal minAmount,
                         BigDecimal maxAmount, Boolean dangerous) {
    }

    public record Page(List<BreakView> items, int page, int size, long totalItems) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    private String age() {
        return "(coalesce((resolved_at at time zone '" + settings.zone().getId() + "')::date, cast(:today as date)) - business_date)";
    }

    public Page search(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Consumer<JdbcClient.StatementSpec>> binds = new ArrayList<>();
        add(where, binds, f.breakClass(), " and break_class = :breakClass", "breakClass");
        add(where, binds, f.state(), " and state = :state", "state");
        add(where, binds, f.reconciliation(), " and reconciliation = :recon", "recon");
        add(where, binds, f.party(), " and party = :party", "party");
        add(where, binds, f.date(), " and business_date = :date", "date");
        add(where, binds, f.from(), " and business_date >= :from", "from");
        add(where, binds, f.to(), " and business_date <= :to", "to");
        add(where, binds, f.minAgeDays(), " and " + age() + " >= :minAge", "minAge");
        add(where, binds, f.maxAgeDays(), " and " + age() + " <= :maxAge", "maxAge");
        add(where, binds, f.minAmount(), " and greatest(coalesce(our_amount, 0), coalesce(their_amount, 0)) >= :minAmount", "minAmount");
        add(where, binds, f.maxAmount(), " and greatest(coalesce(our_amount, 0), coalesce(their_amount, 0)) <= :maxAmount", "maxAmount");
        add(where, binds, f.dangerous(), " and dangerous = :dangerous", "dangerous");
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from reconciliation_break" + where).param("today", today());
        binds.forEach(b -> b.accept(count));
        long total = count.query(Long.class).single();
        JdbcClient.StatementSpec list = jdbc.sql("select *, " + age() + " age_days from reconciliation_break" + where
                        + " order by business_date desc, opened_at desc, id limit :limit offset :offset")
                .param("today", today()).param("limit", size).param("offset", (long) page * size);
        binds.forEach(b -> b.accept(list));
        return new Page(list.query(Breaks::map).list(), page, size, total);
    }

    private static void add(StringBuilder where, List<Consumer<JdbcClient.StatementSpec>> binds, Object value,
                            String clause, String name) {
        if (value != null) {
            where.append(clause);
            binds.add(spec -> spec.param(name, value));
        }
    }

    public Optional<BreakView> find(UUID id) {
        return jdbc.sql("select *, " + age() + " age_days from reconciliation_break where id = :id")
                .param("today", today()).param("id", id).query(Breaks::map).optional();
    }

    public Optional<Detail> detail(UUID id) {
        return find(id).map(found -> new Detail(found, jdbc.sql("""
                select * from break_history where break_id = ? order by id
                """).param(id).query((rs, row) -> new HistoryEntry(instant(rs, "changed_at"), rs.getString("changed_by"),
                rs.getString("from_state"), rs.getString("to_state"), rs.getString("break_class"),
                rs.getString("resolution"), rs.getString("reason"))).list()));
    }

    /** Every break of a date, for the daily report, in the order the report lists them. */
    public List<BreakView> ofDate(LocalDate date) {
        return jdbc.sql("select *, " + age() + " age_days from reconciliation_break where business_date = :date"
                        + " order by reconciliation, party, break_class, record_key")
                .param("today", today()).param("date", date).query(Breaks::map).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : Amounts.text(amount);
    }

    static BreakView map(ResultSet rs, int row) throws SQLException {
        BigDecimal ours = rs.getBigDecimal("our_amount");
        BigDecimal theirs = rs.getBigDecimal("their_amount");
        return new BreakView(rs.getObject("id", UUID.class), rs.getObject("business_date", LocalDate.class),
                rs.getString("reconciliation"), rs.getString("party"), rs.getString("leg"), rs.getString("record_key"),
                rs.getString("break_class"), rs.getString("state"), rs.getString("resolution"),
                rs.getString("state_reason"), rs.getString("kind"),
                ours == null && rs.getString("our_line") == null ? null
                        : new SideView(text(ours), rs.getString("our_status"), instant(rs, "our_at"), rs.getString("our_line")),
                theirs == null && rs.getString("their_line") == null ? null
                        : new SideView(text(theirs), rs.getString("their_status"), instant(rs, "their_at"), rs.getString("their_line")),
                ours != null && theirs != null ? Amounts.text(theirs.subtract(ours)) : null,
                rs.getString("loan_id"), rs.getBoolean("dangerous"), rs.getLong("age_days"),
                instant(rs, "opened_at"), instant(rs, "updated_at"), rs.getString("updated_by"), instant(rs, "resolved_at"),
                rs.getObject("settled_on", LocalDate.class), rs.getString("journal_entry_id"));
    }
}
