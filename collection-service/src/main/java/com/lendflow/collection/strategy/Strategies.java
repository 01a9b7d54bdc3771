package com.lendflow.collection.strategy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Strategy steps by grade and bucket, kept in memory and reloaded when ops change them. */
@Component
class Strategies {

    private final JdbcClient jdbc;
    private volatile Map<String, List<Step>> byGradeAndBucket;

    Strategies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Step> stepsFor(String grade, String bucket) {
        return steps().getOrDefault(grade + "/" + bucket, List.of());
    }

    List<Step> all() {
        return jdbc.sql("select id, grade, bucket, day, action, template_code, agency from strategy_step order by grade, bucket, day, action")
                .query(Strategies::stepOf).list();
    }

    void reload() {
        byGradeAndBucket = null;
    }

    private Map<String, List<Step>> steps() {
        Map<String, List<Step>> current = byGradeAndBucket;
        if (current == null) {
            current = all().stream().collect(Collectors.groupingBy(s -> s.grade() + "/" + s.bucket()));
            byGradeAndBucket = current;
        }
        return current;
    }

    private static Step stepOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7));
    }
}
