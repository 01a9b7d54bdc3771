package com.lendflow.creditdecision.bureau;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What Lendflow reads from a credit report. Holds no identity; still credit data, so it is stored
 * only encrypted.
 *
 * @param bureauReportId               the bureau's id of the report
 * @param generatedAt                  when the bureau produced it
 * @param worstDaysPastDueLast24Months worst delinquency on any account in the last 24 months
 * @param overdueAccounts              accounts overdue now
 * @param totalOutstandingDebt         balance owed on all open accounts, CNY
 * @param openAccounts                 open credit accounts
 * @param inquiriesLast3Months         lenders' inquiries in the last 3 months
 * @param inquiriesLast6Months         lenders' inquiries in the last 6 months
 */
public record BureauReport(String bureauReportId, Instant generatedAt, int worstDaysPastDueLast24Months,
                           int overdueAccounts, BigDecimal totalOutstandingDebt, int openAccounts,
                           int inquiriesLast3Months, int inquiriesLast6Months) {
}
