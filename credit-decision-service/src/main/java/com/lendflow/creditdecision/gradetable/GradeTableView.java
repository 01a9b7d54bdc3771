package com.lendflow.creditdecision.gradetable;

import com.lendflow.creditdecision.scorecard.Grade;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.util.List;

/** A grade table version as the ops API shows it: amounts with two decimals, rates as decimal strings. */
record GradeTableView(int version, Instant createdAt, String createdBy, String reason, List<Row> grades) {

    static GradeTableView of(GradeTable table) {
        return new GradeTableView(table.version(), table.createdAt(), table.createdBy(), table.reason(),
                table.terms().values().stream().map(t -> new Row(t.grade(), Amounts.text(t.minLimit()),
                        Amounts.text(t.maxLimit()), rate(t.annualRate()))).toList());
    }

    static String rate(java.math.BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }

    record Row(Grade grade, String minLimit, String maxLimit, String annualRate) {
    }
}
