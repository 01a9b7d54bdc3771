package com.lendflow.coreledger.loan;

import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.Posting;
import com.lendflow.coreledger.books.Side;
import com.lendflow.coreledger.servicing.LoanStatements;
import com.lendflow.platform.web.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything that happened to a loan, for staff: every schedule version, every journal entry it posted,
 * every day's accrual (rolled up into end-of-day entries named by event id), every repayment with its allocation,
 * and every adjustment with who made and who approved it. */
record LoanHistoryView(LoanView loan, List<LoanView.ScheduleView> scheduleVersions, List<EntryView> journalEntries,
                       List<LoanStatements.AccrualView> accruals, List<? extends Record> repayments,
                       List<? extends Record> adjustments) {

    record EntryView(UUID id, LocalDate businessDate, Instant postedAt, String eventType, String eventId,
                     UUID reverses, String memo, List<LineView> lines) {

        static EntryView of(JournalEntry entry) {
            return new EntryView(entry.id(), entry.businessDate(), entry.postedAt(), entry.eventType(), entry.eventId(),
                    entry.reverses(), entry.memo(), entry.lines().stream().map(LineView::of).toList());
        }
    }

    record LineView(String account, Side side, String amount, String fundingPartner) {

        static LineView of(Posting line) {
            return new LineView(line.account(), line.side(), Amounts.text(line.amount()), line.fundingPartner());
        }
    }
}
