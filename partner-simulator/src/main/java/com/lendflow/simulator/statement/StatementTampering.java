package com.lendflow.simulator.statement;

import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What tests do to the statements: spoil the next files of one kind ({@code PUT /fault}), inject
 * breaks into records as served ({@code POST /breaks}), or add a record only the partner has
 * ({@code POST /extra}). The transfers themselves never change; only what the statements say.
 */
@RestController
@RequestMapping("/sim/v1/statements")
class StatementTampering {

    private static final Logger log = LoggerFactory.getLogger(StatementTampering.class);
    private static final int KEPT = 10_000;
    private static final String AMOUNT = "^(0|[1-9][0-9]{0,14})\\.[0-9]{2}$";

    private final Map<StatementTarget, ActiveFault> faults = new EnumMap<>(StatementTarget.class);
    private final List<InjectBreak> breaks = new ArrayList<>();
    private final List<StatementRow> extras = new ArrayList<>();

    @PutMapping("/fault")
    synchronized StatementFault setFault(@Valid @RequestBody StatementFault requested) {
        faults.put(requested.target(), new ActiveFault(requested));
        log.info("{} statements will be served {} ({})", requested.target(), requested.mode(),
                requested.times() == 0 ? "until cleared" : requested.times() + " times");
        return requested;
    }

    @DeleteMapping("/fault")
    synchronized ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/breaks")
    ResponseEntity<InjectBreak> injectBreak(@Valid @RequestBody InjectBreak requested) {
        List<FieldViolation> violations = new ArrayList<>();
        if (requested.kind() == BreakKind.AMOUNT && requested.amount() == null) {
            violations.add(new FieldViolation("amount", "required", "is required for an AMOUNT break"));
        }
        if (requested.kind() == BreakKind.STATUS && requested.status() == null) {
            violations.add(new FieldViolation("status", "required", "is required for a STATUS break"));
        }
        if (requested.kind() == BreakKind.STATUS && requested.target() == StatementTarget.FUNDING) {
            violations.add(new FieldViolation("kind", "channel-only",
                    "a funding partner's statement has no status column; STATUS breaks are for CHANNEL"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        synchronized (this) {
            breaks.add(requested);
            while (breaks.size() > KEPT) {
                breaks.removeFirst();
            }
        }
        log.info("break injected into {} statements: {} for {}", requested.target(), requested.kind(),
                requested.reference());
        return ResponseEntity.status(HttpStatus.CREATED).body(requested);
    }

    @PostMapping("/extra")
    ResponseEntity<ExtraView> addExtra(@Valid @RequestBody AddExtra requested) {
        List<FieldViolation> violations = new ArrayList<>();
        StatementRow row;
        if (requested.target() == StatementTarget.CHANNEL) {
            if (requested.direction() == null) {
                violations.add(new FieldViolation("direction", "required", "is required for a CHANNEL record"));
            }
            row = new StatementRow.ChannelRow("CH" + hex(), requested.reference(), requested.direction(),
                    amount(requested.amount()), requested.status() == null ? "SUCCESS" : requested.status(),
                    StatementRow.on(requested.date(), LocalTime.NOON));
        } else {
            if (requested.partnerId() == null) {
                violations.add(new FieldViolation("partnerId", "required", "is required for a FUNDING record"));
            }
            if (requested.type() == null) {
                violations.add(new FieldViolation("type", "required", "is required for a FUNDING record"));
            }
            row = new StatementRow.FundingRow("FT" + hex(), requested.reference(), requested.type(),
                    amount(requested.amount()), requested.date(), StatementRow.on(requested.date(), LocalTime.NOON),
                    requested.partnerId());
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        synchronized (this) {
            extras.add(row);
            while (extras.size() > KEPT) {
                extras.removeFirst();
            }
        }
        log.info("extra record on the {} statement of {}: {}", requested.target(), requested.date(), row.line());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ExtraView(requested.target(), requested.partnerId(),
                requested.date(), row.line()));
    }

    /** Clears every injected break and extra record. */
    @DeleteMapping("/breaks")
    synchronized ResponseEntity<Void> clearBreaks() {
        breaks.clear();
        extras.clear();
        return ResponseEntity.noContent().build();
    }

    /** The fault spoiling this request for {@code target}'s statement, or null; counts the request against it. */
    synchronized StatementFault.Served nextFault(StatementTarget target) {
        ActiveFault active = faults.get(target);
        if (active == null) {
            return null;
        }
        active.uses++;
        if (active.fault.times() > 0 && active.uses >= active.fault.times()) {
            faults.remove(target);
        }
        return new StatementFault.Served(active.fault.mode(), active.uses);
    }

    /** The records of {@code target}'s statements after breaks; a dropped record is left out. */
    synchronized List<StatementRow> tamper(StatementTarget target, List<StatementRow> rows) {
        if (breaks.isEmpty()) {
            return rows;
        }
        List<StatementRow> served = new ArrayList<>(rows.size());
        for (StatementRow row : rows) {
            StatementRow changed = row;
            for (InjectBreak injected : breaks) {
                if (changed == null) {
                    break;
                }
                if (injected.target() == target && injected.reference().equals(changed.key())) {
                    changed = injected.applyTo(changed);
                }
            }
            if (changed != null) {
                served.add(changed);
            }
        }
        return served;
    }

    /** Records only the partner has: the channel's, or one funding partner's. */
    synchronized List<StatementRow> extras(StatementTarget target, String partnerId) {
        return extras.stream().filter(row -> switch (row) {
            case StatementRow.ChannelRow ignored -> target == StatementTarget.CHANNEL;
            case StatementRow.FundingRow funding -> target == StatementTarget.FUNDING
                    && funding.partnerId().equals(partnerId);
        }).toList();
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    enum BreakKind { DROP, AMOUNT, STATUS, NEXT_DAY, PREVIOUS_DAY }

    /**
     * A break in the records with key {@code reference} (the request number on the channel's
     * statement, the reference on a partner's), on whatever day they fall.
     */
    record InjectBreak(
            @NotNull StatementTarget target,
            @NotBlank @Size(max = 64) String reference,
            @NotNull BreakKind kind,
            @Pattern(regexp = AMOUNT, message = "must be an amount with two decimals") String amount,
            @Pattern(regexp = "^(SUCCESS|FAILED|RETURNED)$", message = "must be SUCCESS, FAILED or RETURNED") String status) {

        StatementRow applyTo(StatementRow row) {
            return switch (kind) {
                case DROP -> null;
                case AMOUNT -> row.withAmount(new BigDecimal(amount));
                case STATUS -> row instanceof StatementRow.ChannelRow channel ? channel.withStatus(status) : row;
                case NEXT_DAY -> row.movedBy(1);
                case PREVIOUS_DAY -> row.movedBy(-1);
            };
        }
    }

    /** A record only the partner has: {@code reference} is a request number (CHANNEL) or a business reference (FUNDING). */
    record AddExtra(
            @NotNull StatementTarget target,
            @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "must be letters, digits, '.', '_' or '-'")
            String partnerId,
            @NotNull LocalDate date,
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[^,\\s]+$", message = "must hold no comma or space") String reference,
            @Pattern(regexp = "^(PAYOUT|COLLECTION)$", message = "must be PAYOUT or COLLECTION") String direction,
            @Pattern(regexp = "^(DISBURSEMENT|REPAYMENT)$", message = "must be DISBURSEMENT or REPAYMENT") String type,
            @NotBlank @Pattern(regexp = AMOUNT, message = "must be an amount with two decimals") String amount,
            @Pattern(regexp = "^(SUCCESS|FAILED|RETURNED)$", message = "must be SUCCESS, FAILED or RETURNED") String status) {
    }

    /** {@code record}: the line as the statement of {@code date} will carry it. */
    record ExtraView(StatementTarget target, String partnerId, LocalDate date, String record) {
    }

    private static final class ActiveFault {
        final StatementFault fault;
        int uses;

        ActiveFault(StatementFault fault) {
            this.fault = fault;
        }
    }
}
