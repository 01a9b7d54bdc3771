package com.lendflow.coreledger.quote;

import com.lendflow.coreledger.calculator.ScheduleView;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.product.LoanProduct;
import com.lendflow.coreledger.product.LoanProducts;
import com.lendflow.coreledger.schedule.Schedule;
import com.lendflow.coreledger.schedule.ScheduleEngine;
import com.lendflow.coreledger.schedule.ScheduleRequest;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Trial calculations (试算) for a customer with a credit line: the schedule the loan would have if
 * drawn today on the standard cash-loan product, at the line's rate or the coupon's lower rate, by
 * the same engine that books loans, so the quote and the loan agree to the fen. Interest-free days
 * waive the first installment's interest for those days (principal × rate / 365 × days, rounded
 * HALF_UP, at most that installment's interest).
 */
@Component
class LoanQuotes {

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

    private final QuoteSources sources;
    private final LoanProducts products;
    private final BusinessDay businessDay;
    private final String productCode;
    private final ScheduleEngine engine = new ScheduleEngine();

    LoanQuotes(QuoteSources sources, LoanProducts products, BusinessDay businessDay,
               @Value("${lendflow.core-ledger.drawdown-product:CASH_LOAN_STANDARD}") String productCode) {
        this.sources = sources;
        this.products = products;
        this.businessDay = businessDay;
        this.productCode = productCode;
    }

    LoanQuoteView quote(UUID customerId, LoanQuoteRequest request) {
        QuoteTerms terms = sources.terms(customerId, request);
        if (!"ACTIVE".equals(terms.lineStatus())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-line-not-active", "No credit line to draw on",
                    "the customer's credit line is " + terms.lineStatus() + "; activate a credit line first");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (request.amount().compareTo(terms.available()) > 0) {
            violations.add(new FieldViolation("amount", "available-limit",
                    "must not be more than the " + Amounts.text(terms.available()) + " available on the credit line"));
        }
        LoanProduct product = products.require(productCode);
        violations.addAll(product.violationsOf(request.amount(), terms.rate(), request.termMonths(), request.method()));
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        Schedule schedule = engine.schedule(new ScheduleRequest(request.amount(), terms.rate(), request.termMonths(),
                request.method(), businessDay.today()));
        Schedule priced = engine.withInterestFreeDays(schedule, request.amount(), terms.rate(), terms.interestFreeDays());
        BigDecimal waived = schedule.totalInterest().subtract(priced.totalInterest());
        ScheduleView view = ScheduleView.of(priced);
        return new LoanQuoteView(Amounts.text(request.amount()), request.termMonths(), request.method().name(),
                terms.lineRate().stripTrailingZeros().toPlainString(), terms.rate().stripTrailingZeros().toPlainString(),
                terms.rate().divide(DAYS_A_YEAR, 8, RoundingMode.HALF_UP).toPlainString(), request.couponId(),
                terms.couponKind(), terms.interestFreeDays(), Amounts.text(waived), view);
    }
}
