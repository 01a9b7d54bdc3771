package com.lendflow.coreledger.product;

import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates or replaces a loan product, as an administrator asked, and puts the change on the audit
 * trail with the product before and after, in the same transaction. Loans already open keep the
 * terms they were opened with; a change only governs loans opened after it.
 */
@Component
class ChangeLoanProduct {

    private final LoanProducts products;
    private final AuditTrail audit;

    ChangeLoanProduct(LoanProducts products, AuditTrail audit) {
        this.products = products;
        this.audit = audit;
    }

    record Outcome(LoanProduct product, boolean created) {
    }

    @Transactional
    Outcome handle(String code, LoanProductRequest request) {
        refuseInconsistent(code, request);
        LoanProduct before = products.lockForChange(code).orElse(null);
        if (before != null && before.equals(request.toProduct(code, before.version()))) {
            return new Outcome(before, false);
        }
        LoanProduct after = products.save(request.toProduct(code, 0));
        audit.record(new AuditEntry(before == null ? "loan-product.create" : "loan-product.change", "loan-product", code,
                before == null ? null : LoanProductView.of(before), LoanProductView.of(after), request.reason()));
        return new Outcome(after, before == null);
    }

    private static void refuseInconsistent(String code, LoanProductRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!code.matches("^[A-Z][A-Z0-9_]{1,49}$")) {
            violations.add(new FieldViolation("code", "Pattern", "must be 2 to 50 capitals, digits or '_', starting with a capital"));
        }
        if (request.minRate().compareTo(request.maxRate()) > 0) {
            violations.add(new FieldViolation("maxRate", "min-max", "must not be below minRate"));
        }
        if (request.minAmount().compareTo(request.maxAmount()) > 0) {
            violations.add(new FieldViolation("maxAmount", "min-max", "must not be below minAmount"));
        }
        if (request.minAmount().remainder(request.amountStep()).signum() != 0) {
            violations.add(new FieldViolation("minAmount", "amount-step", "must be a multiple of amountStep"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }
}
