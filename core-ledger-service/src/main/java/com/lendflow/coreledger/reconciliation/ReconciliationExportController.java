package com.lendflow.coreledger.reconciliation;

import com.lendflow.platform.web.export.CsvExport;
import com.lendflow.platform.web.export.ExportDay;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reconciliation-service reads of and asks of the ledger (#8; scope internal, required for
 * /internal/** by the platform's security): the day's money movements as the CSV every party
 * shares, and the booking of a resolved break.
 */
@RestController
class ReconciliationExportController {

    private final MovementsExport movements;
    private final PostReconciliationAdjustment adjustments;

    ReconciliationExportController(MovementsExport movements, PostReconciliationAdjustment adjustments) {
        this.movements = movements;
        this.adjustments = adjustments;
    }

    @GetMapping("/internal/v1/reconciliation/movements")
    void movements(@RequestParam(required = false) String date, @RequestParam(required = false) String gzip,
                   HttpServletResponse response) throws IOException {
        movements.write(ExportDay.of(date, gzip), response);
    }

    /** 201 when this call booked it; 200 with the same entry when the break was already booked. */
    @PostMapping("/internal/v1/reconciliation/adjustments")
    ResponseEntity<AdjustmentView> adjust(@RequestBody(required = false) AdjustmentRequest request) {
        PostReconciliationAdjustment.Posted posted = adjustments.handle(request);
        return ResponseEntity.status(posted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/internal/v1/reconciliation/adjustments/" + posted.view().breakId()))
                .body(posted.view());
    }
}
