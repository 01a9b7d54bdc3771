package com.lendflow.creditdecision.scorecard;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every version of the scorecard, as stored in the scorecard tables. */
@Repository
class Scorecards {

    private final JdbcClient jdbc;

    Scorecards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int currentVersion() {
        return jdbc.sql("select max(version) from scorecard").query(Integer.class).optional()
                .orElseThrow(() -> new IllegalStateException("no scorecard in the database: the migrations seed version 1"));
    }

    Optional<Scorecard> find(int version) {
        return jdbc.sql("select base_points from scorecard where version = ?").param(version).query(Integer.class)
                .optional()
                .map(base -> new Scorecard(version, base,
                        jdbc.sql("""
                                select code, characteristic, at_least, below, reason_code
                                from scorecard_knockout where version = ? order by code
                                """).param(version)
                                .query((rs, n) -> new Knockout(rs.getString("code"),
                                        Characteristic.valueOf(rs.getString("characteristic")), rs.getBigDecimal("at_least"),
                                        rs.getBigDecimal("below"), rs.getString("reason_code"))).list(),
                        jdbc.sql("""
                                select characteristic, lower_bound, upper_bound, points
                                from scorecard_bin where version = ? order by characteristic, lower_bound nulls first
                                """).param(version)
                                .query((rs, n) -> new Bin(Characteristic.valueOf(rs.getString("characteristic")),
                                        rs.getBigDecimal("lower_bound"), rs.getBigDecimal("upper_bound"), rs.getInt("points")))
                                .list(),
                        jdbc.sql("select grade, min_score from scorecard_band where version = ?").param(version)
                                .query((rs, n) -> new Band(Grade.valueOf(rs.getString("grade")), rs.getInt("min_score")))
                                .list()));
    }
}
