package com.lendflow.coreledger.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Due dates fall monthly on the day of an anchor date. Each is counted from the anchor, not from
 * the previous due date, so a month-end fallback does not stick: a loan started on 31 January is
 * due on 28 February, 31 March, 30 April.
 */
public final class DueDates {

    private DueDates() {
    }

    /** {@code count} due dates, one month apart, the first one month after {@code start}. */
    public static List<LocalDate> monthly(LocalDate start, int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        for (int month = 1; month <= count; month++) {
            dates.add(start.plusMonths(month));
        }
        return dates;
    }

    /** {@code count} due dates, one month apart, the first on {@code first}. */
    public static List<LocalDate> startingOn(LocalDate first, int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        for (int month = 0; month < count; month++) {
            dates.add(first.plusMonths(month));
        }
        return dates;
    }

    /** The due dates of {@code request}: regular, or anchored on its first due date. */
    public static List<LocalDate> of(ScheduleRequest request) {
        return request.firstDueDate() == null
                ? monthly(request.startDate(), request.termMonths())
                : startingOn(request.firstDueDate(), request.termMonths());
    }
}
