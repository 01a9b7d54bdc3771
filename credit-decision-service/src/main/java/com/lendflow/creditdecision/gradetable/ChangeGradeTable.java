package com.lendflow.creditdecision.gradetable;

import java.util.List;

/** Replace the grade table with {@code grades} as a new version; {@code basedOnVersion} is the one the person read. */
public record ChangeGradeTable(int basedOnVersion, List<GradeTable.Row> grades, String reason) {
}
