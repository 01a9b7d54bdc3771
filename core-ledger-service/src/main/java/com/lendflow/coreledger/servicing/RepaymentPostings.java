package com.lendflow.coreledger.servicing;

import static com.lendflow.coreledger.books.ChartOfAccounts.CUSTOMER_REPAYMENT_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.FEE_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_INCOME;
import static com.lendflow.coreledger.books.ChartOfAccounts.INTEREST_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.LOAN_RECEIVABLE_PRINCIPAL;
import static com.lendflow.coreledger.books.ChartOfAccounts.PENALTY_RECEIVABLE;

import com.lendflow.coreledger.books.Posting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal lines of a payment: the money received is debited to where it came from (the payment
 * channel, or credit held for the borrower); each component it paid is credited to the receivable
 * it clears — interest end of day had not accrued yet straight to income. Lines of zero are left out.
 */
final class RepaymentPostings {

    private final String fundingPartner;
    private final List<Posting> lines = new ArrayList<>();

    private RepaymentPostings(String fundingPartner) {
        this.fundingPartner = fundingPartner;
    }

    static RepaymentPostings forPartner(String fundingPartner) {
        return new RepaymentPostings(fundingPartner);
    }

    RepaymentPostings received(String account, BigDecimal amount) {
        return debit(account, amount);
    }

    /** Credits what {@code plan} paid, and the credit it held back for the borrower. */
    RepaymentPostings paid(RepaymentAllocator.Plan plan, BigDecimal creditHeld) {
        BigDecimal recognised = plan.recognisedOnReceipt();
        credit(PENALTY_RECEIVABLE, plan.total(Part.PENALTY));
        credit(INTEREST_RECEIVABLE, plan.total(Part.INTEREST).subtract(recognised));
        credit(INTEREST_INCOME, recognised);
        credit(LOAN_RECEIVABLE_PRINCIPAL, plan.total(Part.PRINCIPAL));
        credit(FEE_INCOME, plan.total(Part.FEE));
        credit(CUSTOMER_REPAYMENT_CLEARING, creditHeld);
        return this;
    }

    RepaymentPostings debit(String account, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(Posting.debit(account, amount).forFundingPartner(fundingPartner));
        }
        return this;
    }

    RepaymentPostings credit(String account, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(Posting.credit(account, amount).forFundingPartner(fundingPartner));
        }
        return this;
    }

    List<Posting> lines() {
        return List.copyOf(lines);
    }
}
