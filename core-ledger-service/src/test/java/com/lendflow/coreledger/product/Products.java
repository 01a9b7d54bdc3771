package com.lendflow.coreledger.product;

import java.util.UUID;

/** Object Mother of loan products, as an administrator would put them. */
final class Products {

    private Products() {
    }

    /** A product code nobody else uses, so tests sharing the database never see each other's changes. */
    static String newCode() {
        return "TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** A cash loan like the standard one, with the given grace days. */
    static String cashLoan(int graceDays) {
        return """
                {"name":"Cash loan, test","allowedTerms":[3,6,12],"allowedMethods":["EQUAL_INSTALLMENT","BULLET"],
                 "minRate":"0.00","maxRate":"0.24","minAmount":"100.00","maxAmount":"50000.00","amountStep":"1.00",
                 "graceDays":%d,"penaltyMarkup":"1.5","prepaymentAllowedAfterDays":0,"prepaymentFeeRate":"0",
                 "dayCount":"ACT/365","active":true,"reason":"launch of the test cash loan"}"""
                .formatted(graceDays);
    }

    /** Minimum rate above the maximum: inconsistent, refused. */
    static String withRatesUpsideDown() {
        return cashLoan(3).replace("\"minRate\":\"0.00\"", "\"minRate\":\"0.30\"");
    }
}
