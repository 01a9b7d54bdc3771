package com.lendflow.creditdecision.gradetable;

import com.lendflow.creditdecision.scorecard.Grade;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every version of the grade table. Versions are only ever added. */
@Repository
class GradeTables {

    private final JdbcClient jdbc;

    GradeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int currentVersion() {
        return jdbc.sql("select max(version) from grade_table").query(Integer.class).optional()
                .orElseThrow(() -> new IllegalStateException("no grade table in the database: the migrations seed version 1"));
    }

    /** The current version, locked until the transaction ends, so two changes cannot both become version n+1. */
    int lockCurrentVersion() {
        return jdbc.sql("select version from grade_table order by version desc limit 1 for update")
                .query(Integer.class).single();
    }

    Optional<GradeTable> find(int version) {
        return jdbc.sql("select created_at, created_by, reason from grade_table where version = ?").param(version)
                .query((rs, n) -> new Header(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("created_by"), rs.getString("reason")))
                .optional()
                .map(header -> {
                    Map<Grade, GradeTerms> terms = new EnumMap<>(Grade.class);
                    jdbc.sql("select grade, min_limit, max_limit, annual_rate from grade_table_entry where version = ?")
                            .param(version)
                            .query((rs, n) -> new GradeTerms(Grade.valueOf(rs.getString("grade")),
                                    rs.getBigDecimal("min_limit"), rs.getBigDecimal("max_limit"),
                                    rs.getBigDecimal("annual_rate")))
                            .list().forEach(t -> terms.put(t.grade(), t));
                    return new GradeTable(version, terms, header.createdAt(), header.createdBy(), header.reason());
                });
    }

    void add(int version, List<GradeTerms> terms, Instant at, String by, String reason) {
        jdbc.sql("insert into grade_table (version, created_at, created_by, reason) values (?, ?, ?, ?)")
                .params(version, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, reason).update();
        for (GradeTerms t : terms) {
            jdbc.sql("""
                    insert into grade_table_entry (version, grade, min_limit, max_limit, annual_rate)
                    values (?, ?, ?, ?, ?)
                    """).params(version, t.grade().name(), t.minLimit(), t.maxLimit(), t.annualRate()).update();
        }
    }

    private record Header(Instant createdAt, String createdBy, String reason) {
    }
}
