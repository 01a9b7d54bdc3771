package com.lendflow.reconciliation.matching;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.reconciliation.ReconciliationAlert;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import com.lendflow.reconciliation.ReconciliationSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a run's staged records set-based, in one transaction: one full outer join of both sides on
 * (leg, key) classifies every record; what does not agree becomes a candidate; candidates that complete an
 * earlier day's unresolved break (the other half of a cut-off, a late callback) settle it; the rest are
 * upserted as this date's breaks by their key, so running a date again changes nothing. A record near
 * midnight with no counterpart is held PENDING for the next day's run; the previous day's holds that
 * this run did not complete become breaks. Dangerous breaks go out as alerts through the outbox.
 * Never a query per record: every step is one statement over the whole run.
 */
@Component
public class Matcher {

    static final String SYSTEM = "reconciliation-service";

    /** A payout one side says went out while the other has no such record, or says it failed (or, ours, is pending). */
    private static final String DANGER = """
            (%1$s = 'PAYOUT' and ((%3$s = 'SUCCESS' and (%2$s is null or %2$s = 'FAILED'))
                              or (%2$s = 'SUCCESS' and (%3$s is null or %3$s in ('FAILED', 'PENDING')))))""";

    /** Disagreement of two present records, or null when they agree. */
    private static final String DISAGREEMENT = """
            case when %1$s <> %2$s then 'STATUS_MISMATCH'
                 when %3$s = 'FAILED' and %4$s = 'FAILED' then null
                 when not (%3$s = %4$s or (%1$s = 'COLLECTION' and %3$s in ('SUCCESS', 'RETURNED')
                                                         and %4$s in ('SUCCESS', 'RETURNED'))) then 'STATUS_MISMATCH'
                 when %5$s <> %6$s then 'AMOUNT_MISMATCH'
            end""";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final ReconciliationSettings settings;

    public Matcher(JdbcClient jdbc, Outbox outbox, Clock clock, ReconciliationSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    /** What a run found: pairs that agree (or completed an earlier day's break), breaks of the date, holds. */
    public record Counts(long matched, long broken, long pending, int alerts) {
    }

    @Transactional
    public Counts match(UUID runId, LocalDate date, Reconciliation reconciliation, String party) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime endOfDay = date.plusDays(1).atStartOfDay(settings.zone()).toOffsetDateTime();
        OffsetDateTime cutoff = endOfDay.minus(settings.cutoffTolerance());
        String recon = reconciliation.name();

        // One hash join of both sides in memory: the narrow columns only; the 1% that do not agree get their lines after.
        jdbc.sql("set local work_mem = '128MB'").update();
        // Fresh statistics of what was just loaded, so the planner hashes rather than loops.
        jdbc.sql("analyze staged_record").update();
        jdbc.sql("""
                insert into run_candidate (run_id, leg, record_key, break_class, kind, our_amount, their_amount, our_status,
                                           their_status, our_at, their_at, loan_id, pending)
                select :run, leg, record_key, break_class, kind, oa, ta, os, ts, oat, tat, loan_id,
                       coalesce(break_class like 'MISSING%%' and coalesce(oat, tat) >= :cutoff
                                and coalesce(oat, tat) < :endOfDay, false)
                  from (select coalesce(o.leg, t.leg) leg, coalesce(o.record_key, t.record_key) record_key,
                               coalesce(o.kind, t.kind) kind, o.amount oa, t.amount ta, o.status os, t.status ts,
                               o.at oat, t.at tat, coalesce(o.loan_id, t.loan_id) loan_id,
                               case when o.record_key is null then
                                         case when t.status = 'FAILED' then 'IGNORED' else 'MISSING_ON_OUR_SIDE' end
                                    when t.record_key is null then
                                         case when o.status = 'FAILED' then 'IGNORED' else 'MISSING_ON_THEIR_SIDE' end
                                    else coalesce(%s, 'MATCHED')
                               end break_class
                          from (select leg, record_key, kind, status, amount, at, loan_id from staged_record
                                 where run_id = :run and side = 'O') o
                          full join (select leg, record_key, kind, status, amount, at, loan_id from staged_record
                                      where run_id = :run and side = 'T') t
                            on o.leg = t.leg and o.record_key = t.record_key) j
                 where break_class <> 'MATCHED'
                """.formatted(DISAGREEMENT.formatted("o.kind", "t.kind", "o.status", "t.status", "o.amount", "t.amount")))
                .param("run", runId).param("cutoff", cutoff).param("endOfDay", endOfDay).update();

        jdbc.sql("analyze run_candidate").update();
        for (String side : new String[] {"our", "their"}) {
            jdbc.sql("""
                    update run_candidate c set %s_line = s.line
                      from staged_record s
                     where c.run_id = :run and s.run_id = :run and s.side = :side and s.leg = c.leg
                       and s.record_key = c.record_key
                    """.formatted(side)).param("run", runId).param("side", side.equals("our") ? "O" : "T").update();
        }

        // A one-sided record completing an earlier day's break that lacks exactly this side.
        jdbc.sql("""
                update run_candidate c set earlier_break = b.id
                  from reconciliation_break b
                 where c.run_id = :run and c.break_class like 'MISSING%'
                   and b.reconciliation = :recon and b.party = :party and b.leg = c.leg and b.record_key = c.record_key
                   and b.business_date < :date and b.business_date >= :earliest
                   and (b.state <> 'RESOLVED' or b.settled_on = :date)
                   and case when c.break_class = 'MISSING_ON_THEIR_SIDE' then b.their_amount is not null
                            else b.our_amount is not null end
                """).param("run", runId).param("recon", recon).param("party", party).param("date", date)
                .param("earliest", date.minusDays(settings.lookbackDays())).update();

        jdbc.sql("""
                with m as (select b.id, b.state old_state, b.kind, c.kind c_kind,
                                  coalesce(c.our_amount, b.our_amount) oa, coalesce(c.their_amount, b.their_amount) ta,
                                  coalesce(c.our_status, b.our_status) os, coalesce(c.their_status, b.their_status) ts,
                                  coalesce(c.our_at, b.our_at) oat, coalesce(c.their_at, b.their_at) tat,
                                  coalesce(c.our_line, b.our_line) ol, coalesce(c.their_line, b.their_line) tl
                             from run_candidate c join reconciliation_break b on b.id = c.earlier_break
                            where c.run_id = :run and b.state <> 'RESOLVED'),
                     k as (select m.*, %s cls from m)
                update reconciliation_break b
                   set our_amount = k.oa, their_amount = k.ta, our_status = k.os, their_status = k.ts, our_at = k.oat,
                       their_at = k.tat, our_line = k.ol, their_line = k.tl, settled_on = :date,
                       break_class = case when k.old_state <> 'PENDING' then b.break_class
                                          else coalesce(k.cls, 'DATE_MISMATCH') end,
                       state = case when k.cls is null then 'RESOLVED' when k.old_state = 'PENDING' then 'OPEN' else b.state end,
                       resolution = case when k.cls is null then 'SELF_RESOLVED' else b.resolution end,
                       resolved_at = case when k.cls is null then :now else b.resolved_at end,
                       state_reason = case
                           when k.cls is null and k.old_state = 'PENDING'
                               then 'cut-off: the other side''s record came in the run of ' || :dateText || '; closed automatically'
                           when k.cls is null
                               then 'the run of ' || :dateText || ' found both sides agree (a late record or callback); closed automatically'
                           when k.old_state = 'PENDING'
                               then 'the other side''s record came in the run of ' || :dateText || ' and does not agree'
                           else b.state_reason end,
                       dangerous = case when k.old_state = 'PENDING' then %s else b.dangerous end,
                       updated_at = :now, updated_by = :system
                  from k where b.id = k.id
                """.formatted(DISAGREEMENT.formatted("c_kind", "kind", "os", "ts", "oa", "ta"),
                        DANGER.formatted("k.kind", "k.os", "k.ts")))
                .param("run", runId).param("date", date).param("dateText", date.toString()).param("now", now)
                .param("system", SYSTEM).update();

        jdbc.sql("""
                insert into reconciliation_break (id, business_date, reconciliation, party, leg, record_key, break_class, state,
                                                  state_reason, kind, our_amount, their_amount, our_status, their_status,
                                                  our_at, their_at, our_line, their_line, loan_id, dangerous, opened_at,
                                                  updated_at, updated_by)
                select gen_random_uuid(), :date, :recon, :party, leg, record_key, break_class,
                       case when pending then 'PENDING' else 'OPEN' end,
                       case when pending then 'near midnight: held for the run of ' || :nextText end,
                       kind, our_amount, their_amount, our_status, their_status, our_at, their_at, our_line, their_line,
                       loan_id, %s, :now, :now, :system
                  from run_candidate
                 where run_id = :run and earlier_break is null and break_class <> 'IGNORED'
                on conflict (business_date, reconciliation, party, leg, record_key) do update
                   set break_class = excluded.break_class, kind = excluded.kind, our_amount = excluded.our_amount,
                       their_amount = excluded.their_amount, our_status = excluded.our_status,
                       their_status = excluded.their_status, our_at = excluded.our_at, their_at = excluded.their_at,
                       our_line = excluded.our_line, their_line = excluded.their_line, loan_id = excluded.loan_id,
                       dangerous = excluded.dangerous,
                       state = case when reconciliation_break.state = 'OPEN' then 'OPEN' else excluded.state end,
                       state_reason = case when reconciliation_break.state = 'OPEN' then reconciliation_break.state_reason
                                           else excluded.state_reason end,
                       updated_at = excluded.updated_at, updated_by = excluded.updated_by
                 where reconciliation_break.state in ('PENDING', 'OPEN')
                   and (reconciliation_break.break_class, reconciliation_break.state, reconciliation_break.our_amount,
                        reconciliation_break.their_amount, reconciliation_break.our_status, reconciliation_break.their_status)
                       is distinct from (excluded.break_class,
                                         case when reconciliation_break.state = 'OPEN' then 'OPEN' else excluded.state end,
                                         excluded.our_amount, excluded.their_amount, excluded.our_status, excluded.their_status)
                """.formatted(DANGER.formatted("kind", "our_status", "their_status")))
                .param("run", runId).param("date", date).param("recon", recon).param("party", party)
                .param("nextText", date.plusDays(1).toString()).param("now", now).param("system", SYSTEM).update();

        // This date's breaks the run no longer finds: both sides agree now (a run started again after a late callback).
        jdbc.sql("""
                update reconciliation_break b
                   set state = 'RESOLVED', resolution = 'SELF_RESOLVED', resolved_at = :now, updated_at = :now,
                       updated_by = :system,
                       state_reason = 'the run of ' || :dateText || ' started again found both sides agree; closed automatically'
                 where b.business_date = :date and b.reconciliation = :recon and b.party = :party and b.state <> 'RESOLVED'
                   and not exists (select 1 from run_candidate c
                                    where c.run_id = :run and c.leg = b.leg and c.record_key = b.record_key
                                      and c.break_class <> 'IGNORED' and c.earlier_break is null)
                """).param("run", runId).param("date", date).param("dateText", date.toString()).param("recon", recon)
                .param("party", party).param("now", now).param("system", SYSTEM).update();

        // The previous day's holds this run did not complete: no counterpart the next day either.
        jdbc.sql("""
                update reconciliation_break
                   set state = 'OPEN', updated_at = :now, updated_by = :system,
                       state_reason = 'held at the cut-off; the run of ' || :dateText || ' has no counterpart either'
                 where business_date = :previous and reconciliation = :recon and party = :party and state = 'PENDING'
                """).param("previous", date.minusDays(1)).param("dateText", date.toString()).param("recon", recon)
                .param("party", party).param("now", now).param("system", SYSTEM).update();

        int alerts = raiseAlerts(date, reconciliation, party, now);

        record Tally(long ourRows, long ourOnly, long bothSided, long linked, long broken, long pending) {
        }
        Tally tally = jdbc.sql("""
                select (select count(*) from staged_record where run_id = :run and side = 'O') our_rows,
                       count(*) filter (where their_amount is null) our_only,
                       count(*) filter (where our_amount is not null and their_amount is not null) both_sided,
                       count(*) filter (where earlier_break is not null) linked,
                       count(*) filter (where break_class <> 'IGNORED' and earlier_break is null and not pending) broken,
                       count(*) filter (where break_class <> 'IGNORED' and earlier_break is null and pending) pending
                  from run_candidate where run_id = :run
                """).param("run", runId).query(Tally.class).single();
        long pairs = tally.ourRows() - tally.ourOnly();
        return new Counts(pairs - tally.bothSided() + tally.linked(), tally.broken(), tally.pending(), alerts);
    }

    private int raiseAlerts(LocalDate date, Reconciliation reconciliation, String party, OffsetDateTime now) {
        record Dangerous(UUID id, LocalDate businessDate, String breakClass, String recordKey, String kind,
                         BigDecimal ourAmount, BigDecimal theirAmount, String ourStatus, String theirStatus) {
        }
        List<Dangerous> found = jdbc.sql("""
                update reconciliation_break set alerted_at = :now
                 where reconciliation = :recon and party = :party and business_date between :previous and :date
                   and dangerous and state = 'OPEN' and alerted_at is null
                returning id, business_date, break_class, record_key, kind, our_amount, their_amount, our_status, their_status
                """).param("now", now).param("recon", reconciliation.name()).param("party", party)
                .param("previous", date.minusDays(1)).param("date", date).query(Dangerous.class).list();
        for (Dangerous d : found) {
            String detail = (d.theirStatus() == null ? "no record" : d.kind() + " " + d.theirStatus()) + " on their side, "
                    + (d.ourStatus() == null ? "no record" : d.kind() + " " + d.ourStatus()) + " on ours: "
                    + ("SUCCESS".equals(d.theirStatus()) ? "money left our account with no loan behind it"
                    : "a loan with no money sent");
            outbox.publish(Topics.RECONCILIATION_ALERT, d.id().toString(), ReconciliationAlert.TYPE,
                    new ReconciliationAlert(d.id(), d.businessDate(), reconciliation.name(), party, d.breakClass(),
                            d.recordKey(), d.ourAmount() == null ? null : Amounts.text(d.ourAmount()),
                            d.theirAmount() == null ? null : Amounts.text(d.theirAmount()), detail));
        }
        return found.size();
    }
}
