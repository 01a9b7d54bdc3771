package com.lendflow.loanorder.reconciliation;

import com.lendflow.platform.web.export.CsvExport;
import com.lendflow.platform.web.export.ExportDay;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reconciliation-service reads of loan-order-service for a day (scope internal, required for
 * /internal/** by the platform's security): the CSV of #8, streamed, gzipped with {@code ?gzip=true}.
 */
@RestController
class ReconciliationExportController {

    private final DrawdownsExport drawdowns;

    ReconciliationExportController(DrawdownsExport drawdowns) {
        this.drawdowns = drawdowns;
    }

    @GetMapping("/internal/v1/reconciliation/drawdowns")
    void drawdowns(@RequestParam(required = false) String date, @RequestParam(required = false) String gzip,
                   HttpServletResponse response) throws IOException {
        drawdowns.write(ExportDay.of(date, gzip), response);
    }
}
