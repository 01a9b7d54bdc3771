package com.lendflow.creditdecision.gradetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeTableRulesTest {

    private static List<GradeTable.Row> launchTable() {
        return new ArrayList<>(List.of(
                row("A", "20000", "100000", "0.073"), row("B", "10000", "50000", "0.105"),
                row("C", "5000", "30000", "0.145"), row("D", "2000", "15000", "0.189"), row("E", "1000", "5000", "0.239")));
    }

    private static GradeTable.Row row(String grade, String min, String max, String rate) {
        return new GradeTable.Row(grade, new BigDecimal(min), new BigDecimal(max), new BigDecimal(rate));
    }

    @Test
    void theLaunchTableIsValidAndTheCapItselfIsAllowed() {
        List<GradeTable.Row> rows = launchTable();
        rows.set(4, row("E", "1000", "5000", "0.24"));
        assertThat(GradeTable.problems(rows)).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        List<GradeTable.Row> rows = launchTable();
        rows.set(0, row("A", "20000", "100000", "0.2400001"));
        rows.set(1, row("B", "10000", "50000", "0"));
        rows.set(2, row("C", "5000.001", "30000", "0.145"));
        rows.set(3, row("C", "2000", "15000", "0.189"));

        assertThat(GradeTable.problems(rows)).extracting(GradeTable.Problem::field, GradeTable.Problem::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("grades[0].annualRate", "legal-cap"),
                        org.assertj.core.groups.Tuple.tuple("grades[1].annualRate", "positive"),
                        org.assertj.core.groups.Tuple.tuple("grades[2].minLimit", "Digits"),
                        org.assertj.core.groups.Tuple.tuple("grades[3].grade", "unique"),
                        org.assertj.core.groups.Tuple.tuple("grades", "all-grades"));
    }
}
