package com.lendflow.creditdecision.gradetable;

import com.lendflow.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The grade table for ops staff. Everyone on ops may read it (any version); only risk analysts and
 * administrators change it, which adds a version, audited with a stated reason.
 */
@RestController
@RequestMapping("/ops/v1/credit-decision/grade-table")
class GradeTableOpsController {

    private final GradeTableSource tables;
    private final ChangeGradeTableHandler change;

    GradeTableOpsController(GradeTableSource tables, ChangeGradeTableHandler change) {
        this.tables = tables;
        this.change = change;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    GradeTableView table(@RequestParam(required = false) Integer version) {
        GradeTable table = version == null ? tables.current()
                : tables.version(version).orElseThrow(() -> ApiProblem.notFound("Grade table version", version));
        return GradeTableView.of(table);
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    GradeTableView change(@Valid @RequestBody ChangeGradeTableRequest request) {
        return GradeTableView.of(change.handle(new ChangeGradeTable(request.basedOnVersion(), request.grades(),
                request.reason())));
    }

    /** The whole new table; {@code basedOnVersion} is the version the person read, so no change is lost silently. */
    record ChangeGradeTableRequest(@NotNull Integer basedOnVersion, @NotNull List<GradeTable.Row> grades,
                                   @NotBlank @Size(max = 500) String reason) {
    }
}
