package com.lendflow.funding.partner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The funding partners. A reservation, plan change or top-up holds its partner's row shared while
 * it works; a change to the partner holds it exclusively, so rules never change under a reservation.
 */
@Repository
public class FundingPartners {

    private static final String COLUMNS = """
            partner_id, name, active, priority, funding_rate, grades, min_amount, max_amount, term_months,
            daily_plan, version, updated_at, updated_by
            """;

    private final JdbcClient jdbc;

    FundingPartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every partner, in the order they are asked. */
    public List<FundingPartner> all() {
        return jdbc.sql("select " + COLUMNS + " from funding_partner order by priority, partner_id")
                .query((row, n) -> partner(row)).list();
    }

    public Optional<FundingPartner> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from funding_partner where partner_id = ?")
                .param(id).query((row, n) -> partner(row)).optional();
    }

    /** The partner, held so that nobody changes it until this transaction ends; others may hold it too. */
    public Optional<FundingPartner> holdShared(String id) {
        return jdbc.sql("select " + COLUMNS + " from funding_partner where partner_id = ? for share")
                .param(id).query((row, n) -> partner(row)).optional();
    }

    /** The partner, held exclusively until this transaction ends: reservations wait for the change. */
    Optional<FundingPartner> holdExclusively(String id) {
        return jdbc.sql("select " + COLUMNS + " from funding_partner where partner_id = ? for update")
                .param(id).query((row, n) -> partner(row)).optional();
    }

    /** @return false if a partner with this id was added meanwhile */
    boolean insert(FundingPartner partner) {
        return jdbc.sql("""
                insert into funding_partner (partner_id, name, active, priority, funding_rate, grades, min_amount,
                                             max_amount, term_months, daily_plan, version, updated_at, updated_by)
                values (:id, :name, :active, :priority, :rate, cast(:grades as text[]), :min, :max,
                        cast(:terms as integer[]), :plan, :version, :updatedAt, :updatedBy)
                on conflict do nothing
                """).params(params(partner)).update() == 1;
    }

    /** @return false if the partner is no longer at {@code expectedVersion} */
    boolean update(FundingPartner partner, long expectedVersion) {
        return jdbc.sql("""
                update funding_partner
                set name = :name, active = :active, priority = :priority, funding_rate = :rate,
                    grades = cast(:grades as text[]), min_amount = :min, max_amount = :max, term_months = cast(:terms as integer[]), daily_plan = :plan,
                    version = :version, updated_at = :updatedAt, updated_by = :updatedBy
                where partner_id = :id and version = :expected
                """).params(params(partner)).param("expected", expectedVersion).update() == 1;
    }

    private static Map<String, Object> params(FundingPartner partner) {
        return Map.ofEntries(
                Map.entry("id", partner.id()),
                Map.entry("name", partner.name()),
                Map.entry("active", partner.active()),
                Map.entry("priority", partner.priority()),
                Map.entry("rate", partner.fundingRate()),
                Map.entry("grades", arrayLiteral(partner.grades())),
                Map.entry("min", partner.minAmount()),
                Map.entry("max", partner.maxAmount()),
                Map.entry("terms", arrayLiteral(partner.termMonths())),
                Map.entry("plan", partner.dailyPlan()),
                Map.entry("version", partner.version()),
                Map.entry("updatedAt", OffsetDateTime.ofInstant(partner.updatedAt(), ZoneOffset.UTC)),
                Map.entry("updatedBy", partner.updatedBy()));
    }

    /** Grades and terms are validated letters and numbers, so PostgreSQL's array literal needs no quoting. */
    private static String arrayLiteral(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static FundingPartner partner(ResultSet row) throws SQLException {
        return new FundingPartner(
                row.getString("partner_id"),
                row.getString("name"),
                row.getBoolean("active"),
                row.getInt("priority"),
                row.getBigDecimal("funding_rate"),
                Arrays.asList((String[]) array(row.getArray("grades"))),
                row.getBigDecimal("min_amount"),
                row.getBigDecimal("max_amount"),
                Arrays.asList((Integer[]) array(row.getArray("term_months"))),
                row.getBigDecimal("daily_plan"),
                row.getLong("version"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("updated_by"));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
