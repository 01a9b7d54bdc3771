package com.lendflow.invariants;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Every drawdown order and credit application is final, or provably still in progress. Provably means
 * one of two things the saga's own rows show: the step it is on awaits a reply whose deadline has not
 * passed by more than {@link #GRACE} (the sweeper, every 5 s, re-sends or fails a step whose deadline
 * passed, and moves the deadline), or a message of the order's still waits unpublished in loan-order's
 * outbox (keyed by the order id), so the relay will carry the saga on. An order that is neither is stuck:
 * nothing in the system will move it.
 */
final class SagasConclude {

    /** How far past its deadline a step may be before the sweeper must have acted on it. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private SagasConclude() {
    }

    static Result check(Pass pass) throws SQLException {
        Findings findings = new Findings();
        String drawdowns = saga(pass, findings, "drawdown", "drawdown", "'DISBURSED', 'FAILED'");
        String applications = saga(pass, findings, "credit_application", "credit application",
                "'APPROVED', 'REJECTED', 'FAILED'");
        return findings.result(Invariants.SAGAS_CONCLUDE, drawdowns + "; " + applications
                + " (in progress: a reply due within its deadline + " + GRACE.toSeconds()
                + " s, or a message waiting in the outbox)");
    }

    private static String saga(Pass pass, Findings findings, String table, String noun, String finals)
            throws SQLException {
        Pass.Row counts = pass.one(Pass.LOAN_ORDER, """
                select count(*) filter (where state in (%s)), count(*) filter (where state not in (%s)) from %s
                """.formatted(finals, finals, table));
        var stuck = pass.rows(Pass.LOAN_ORDER, """
                select t.id::text, t.state, coalesce(t.step, '-'), t.attempts,
                       coalesce(extract(epoch from now() - t.step_deadline)::bigint, -1)
                  from %1$s t
                 where t.state not in (%2$s)
                   and (t.step_deadline is null or t.step_deadline < now() - interval '%3$d seconds')
                   and not exists (select 1 from messaging.outbox o
                                    where o.published_at is null and o.message_key = t.id::text)
                 order by t.submitted_at
                """.formatted(table, finals, GRACE.toSeconds()));
        for (Pass.Row row : stuck) {
            long overdue = row.count(4);
            findings.add(row.text(0), "%s stuck %s at step %s: %s after %d attempt(s), nothing in the outbox"
                    .formatted(noun, row.text(1), row.text(2),
                            overdue < 0 ? "no reply deadline" : "reply overdue by " + overdue + " s", row.count(3)));
        }
        long inFlight = counts.count(1);
        return "%ss: %d final, %d in progress, %d stuck".formatted(noun, counts.count(0), inFlight - stuck.size(),
                stuck.size());
    }
}
