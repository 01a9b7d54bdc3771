package com.lendflow.coreledger.product;

import com.lendflow.coreledger.schedule.RepaymentMethod;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The loan products, read from memory. Every loan opening reads its product, and products change
 * a few times a year, so this is a plain in-process cache of the whole (small) table: reloaded
 * after a change made here commits, and at the latest {@code lendflow.core-ledger.product-cache-ttl}
 * (default 60 s) after the last load, which bounds how long another instance of the service can
 * serve a product changed elsewhere. No distributed cache: a minute of staleness across instances
 * is acceptable for product parameters, and the database stays the only source of truth.
 */
@Component
public class LoanProducts {

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private volatile Snapshot snapshot;
    /** Bumped by every invalidation, so a load that read the table before a change cannot publish after it. */
    private final AtomicLong generation = new AtomicLong();

    LoanProducts(JdbcClient jdbc, @Value("${lendflow.core-ledger.product-cache-ttl:PT60S}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * The product by code. A code the cached snapshot does not know is looked up once more in the
     * database, so a product an administrator created through another instance is usable at once.
     */
    public Optional<LoanProduct> find(String code) {
        LoanProduct product = current().byCode().get(code);
        if (product == null) {
            invalidate();
            product = current().byCode().get(code);
        }
        return Optional.ofNullable(product);
    }

    /** The product of a loan already opened: it exists, since loans reference their product. */
    public LoanProduct require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("no loan product " + code));
    }

    /** Every product, by code. */
    public List<LoanProduct> all() {
        return List.copyOf(current().byCode().values());
    }

    /** The stored product, read past the cache and locked for a change in the caller's transaction. */
    Optional<LoanProduct> lockForChange(String code) {
        return jdbc.sql("select * from loan_product where code = ? for update").param(code).query(LoanProducts::product)
                .optional();
    }

    /** Inserts or replaces the product; its version becomes the stored one plus one (0 for a new product). */
    LoanProduct save(LoanProduct product) {
        jdbc.sql("""
                        insert into loan_product (code, name, allowed_terms, allowed_methods, min_rate, max_rate,
                                                  min_amount, max_amount, amount_step, grace_days, penalty_markup,
                                                  prepayment_allowed_after_days, prepayment_fee_rate, day_count,
                                                  overpayment, active, version)
                        values (:code, :name, cast(:terms as integer[]), cast(:methods as text[]), :minRate, :maxRate, :minAmount, :maxAmount, :step,
                                :graceDays, :markup, :prepaymentAfter, :prepaymentFee, :dayCount, :overpayment, :active, 0)
                        on conflict (code) do update
                           set name = excluded.name, allowed_terms = excluded.allowed_terms,
                               allowed_methods = excluded.allowed_methods, min_rate = excluded.min_rate,
                               max_rate = excluded.max_rate, min_amount = excluded.min_amount,
                               max_amount = excluded.max_amount, amount_step = excluded.amount_step,
                               grace_days = excluded.grace_days, penalty_markup = excluded.penalty_markup,
                               prepayment_allowed_after_days = excluded.prepayment_allowed_after_days,
                               prepayment_fee_rate = excluded.prepayment_fee_rate, day_count = excluded.day_count,
                               overpayment = excluded.overpayment,
                               active = excluded.active, version = loan_product.version + 1
                        """)
                .param("code", product.code())
                .param("name", product.name())
                // Array literals: the elements are integers and enum names, nothing that needs quoting.
                .param("terms", product.allowedTerms().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("methods", product.allowedMethods().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",", "{", "}")))
                .param("minRate", product.minRate())
                .param("maxRate", product.maxRate())
                .param("minAmount", product.minAmount())
                .param("maxAmount", product.maxAmount())
                .param("step", product.amountStep())
                .param("graceDays", product.graceDays())
                .param("markup", product.penaltyMarkup())
                .param("prepaymentAfter", product.prepaymentAllowedAfterDays())
                .param("prepaymentFee", product.prepaymentFeeRate())
                .param("dayCount", product.dayCount())
                .param("overpayment", product.overpayment().name())
                .param("active", product.active())
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Reload only once the change is visible to others; a rolled-back change never reaches the cache.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
        return jdbc.sql("select * from loan_product where code = ?").param(product.code()).query(LoanProducts::product)
                .single();
    }

    void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot loaded = snapshot;
        if (loaded == null || System.nanoTime() - loaded.loadedAt() > ttlNanos) {
            long before = generation.get();
            Map<String, LoanProduct> byCode = jdbc.sql("select * from loan_product order by code")
                    .query(LoanProducts::product).list().stream()
                    .collect(Collectors.toMap(LoanProduct::code, p -> p, (a, b) -> a, LinkedHashMap::new));
            loaded = new Snapshot(byCode, System.nanoTime());
            if (generation.get() == before) {
                snapshot = loaded;
            }
        }
        return loaded;
    }

    private static LoanProduct product(ResultSet rs, int row) throws SQLException {
        return new LoanProduct(rs.getString("code"), rs.getString("name"),
                Arrays.asList((Integer[]) array(rs.getArray("allowed_terms"))),
                Arrays.stream((String[]) array(rs.getArray("allowed_methods"))).map(RepaymentMethod::valueOf)
                        .collect(Collectors.toSet()),
                rs.getBigDecimal("min_rate"), rs.getBigDecimal("max_rate"), rs.getBigDecimal("min_amount"),
                rs.getBigDecimal("max_amount"), rs.getBigDecimal("amount_step"), rs.getInt("grace_days"),
                rs.getBigDecimal("penalty_markup"), rs.getInt("prepayment_allowed_after_days"),
                rs.getBigDecimal("prepayment_fee_rate"), rs.getString("day_count"),
                LoanProduct.Overpayment.valueOf(rs.getString("overpayment")), rs.getBoolean("active"),
                rs.getLong("version"));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }

    /** Products by code, in code order; never changed once published. */
    private record Snapshot(Map<String, LoanProduct> byCode, long loadedAt) {

        Snapshot {
            byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
        }
    }
}
