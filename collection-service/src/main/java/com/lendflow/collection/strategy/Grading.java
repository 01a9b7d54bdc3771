package com.lendflow.collection.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Grades a case from its bucket, amount overdue and risk score by the grade rules (data, edited by
 * ops), then raises it one rank per broken promise, up to the highest grade. The rules are small and
 * read on every case of a run, so they are kept in memory and reloaded when ops change them.
 */
@Component
public class Grading {

    private final JdbcClient jdbc;
    private volatile Table table;

    Grading(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Rule(int priority, String bucket, BigDecimal minAmount, Integer minRiskScore, String grade) {

        boolean holds(String caseBucket, BigDecimal amount, int riskScore) {
            return (bucket == null || bucket.equals(caseBucket))
                    && (minAmount == null || amount.compareTo(minAmount) >= 0)
                    && (minRiskScore == null || riskScore >= minRiskScore);
        }
    }

    record Table(List<Rule> rules, Map<String, Integer> ranks) {
    }

    /** Risk score 0–100: 10 for each overdue loan beyond the first, 20 for each broken promise. */
    public static int riskScore(int overdueLoans, int brokenPromises) {
        return Math.min(100, 10 * Math.max(0, overdueLoans - 1) + 20 * brokenPromises);
    }

    public String grade(String bucket, BigDecimal amountOverdue, int riskScore, int brokenPromises) {
        Table current = table();
        String ruled = current.rules().stream().filter(r -> r.holds(bucket, amountOverdue, riskScore))
                .map(Rule::grade).findFirst()
                .orElseGet(() -> lowest(current));
        if (brokenPromises == 0) {
            return ruled;
        }
        int rank = Math.min(current.ranks().get(ruled) + brokenPromises, current.ranks().values().stream().max(Integer::compare).orElse(1));
        return current.ranks().entrySet().stream().filter(e -> e.getValue() == rank).map(Map.Entry::getKey)
                .findFirst().orElse(ruled);
    }

    public List<String> grades() {
        return table().ranks().entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    List<Rule> rules() {
        return table().rules();
    }

    void reload() {
        table = null;
    }

    private Table table() {
        Table current = table;
        if (current == null) {
            List<Rule> rules = jdbc.sql("select priority, bucket, min_amount, min_risk_score, grade from grade_rule order by priority")
                    .query((rs, row) -> new Rule(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3),
                            (Integer) rs.getObject(4), rs.getString(5)))
                    .list();
            Map<String, Integer> ranks = jdbc.sql("select code, rank from grade").query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            current = new Table(rules, ranks);
            table = current;
        }
        return current;
    }

    private static String lowest(Table table) {
        return table.ranks().entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }
}
