package com.lendflow.collection.postloan.earlywarning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk signals from credit-decision-service (a bureau refresh showing new delinquency) and antifraud-service
 * (a fraud signal), service token required. The rules on that kind of signal decide what happens to the
 * line; a signal while the customer's warning of that kind is still open is noted on it and sends nothing.
 */
@RestController
class RiskSignalInternalController {

    private final EarlyWarningEngine engine;
    private final EarlyWarnings warnings;

    RiskSignalInternalController(EarlyWarningEngine engine, EarlyWarnings warnings) {
        this.engine = engine;
        this.warnings = warnings;
    }

    @PostMapping("/internal/v1/risk-signals")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    public RiskSignalAccepted signal(@Valid @RequestBody RiskSignalRequest request) {
        String detail = request.detail() == null || request.detail().isBlank()
                ? request.kind().name().toLowerCase().replace('_', ' ') : request.detail().strip();
        List<UUID> raised = engine.signal(request.customerId(), request.kind().name(), detail).stream()
                .map(EarlyWarning::id).toList();
        return new RiskSignalAccepted(request.customerId(), request.kind().name(),
                warnings.viewsOf(request.customerId()).stream().filter(w -> raised.contains(w.id())).toList());
    }

    enum SignalKind {
        BUREAU_DELINQUENCY, FRAUD_SIGNAL
    }

    /** {@code detail} says what was seen, for staff; never personal data. */
    record RiskSignalRequest(@NotNull UUID customerId, @NotNull SignalKind kind, @Size(max = 1000) String detail) {
    }

    /** The warnings the signal raised or was noted on (none when no enabled rule takes that kind). */
    record RiskSignalAccepted(UUID customerId, String kind, List<EarlyWarningView> warnings) {
    }
}
