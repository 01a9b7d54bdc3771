package com.lendflow.marketing.campaign;

import com.lendflow.platform.web.ApiProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A coupon template with the rule that issues it. Its coupons copy its terms when issued. */
@Entity
@Table(name = "campaign")
class Campaign {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CouponKind kind;

    @Column(name = "discounted_rate", precision = 9, scale = 6)
    private BigDecimal discountedRate;

    @Column(name = "interest_free_days")
    private Integer interestFreeDays;

    @Column(name = "minimum_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal minimumAmount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_terms", nullable = false)
    private Integer[] allowedTerms;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(name = "valid_days")
    private Integer validDays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rule_grades", nullable = false)
    private String[] ruleGrades;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Version
    private long version;

    protected Campaign() {
    }

    static Campaign create(UUID id, CampaignDefinition definition, String by, Instant now) {
        Campaign campaign = new Campaign();
        campaign.id = id;
        campaign.status = CampaignStatus.ACTIVE;
        campaign.createdAt = now;
        campaign.createdBy = by;
        campaign.define(definition, by, now);
        return campaign;
    }

    /**
     * Gives the campaign new terms. Coupons already issued keep theirs.
     *
     * @throws ApiProblem 409 if the campaign has ended
     */
    void change(CampaignDefinition definition, String by, Instant now) {
        if (status == CampaignStatus.ENDED) {
            throw ApiProblem.conflict("campaign-ended", "campaign " + id + " has ended and can no longer be changed");
        }
        define(definition, by, now);
    }

    /**
     * Stops issuing. Coupons already issued stay usable until their own validity ends.
     *
     * @throws ApiProblem 409 if it has already ended
     */
    void end(String by, Instant now) {
        if (status == CampaignStatus.ENDED) {
            throw ApiProblem.conflict("campaign-ended", "campaign " + id + " has already ended");
        }
        status = CampaignStatus.ENDED;
        changedAt = now;
        changedBy = by;
    }

    /** Whether a coupon issued today would be of any use: the campaign is active and its window not past. */
    boolean issuesOn(LocalDate today) {
        return status == CampaignStatus.ACTIVE && (validUntil == null || !validUntil.isBefore(today));
    }

    boolean issuesByRuleTo(String grade) {
        return Arrays.asList(ruleGrades).contains(grade);
    }

    private void define(CampaignDefinition definition, String by, Instant now) {
        name = definition.name();
        kind = definition.kind();
        discountedRate = definition.discountedRate();
        interestFreeDays = definition.interestFreeDays();
        minimumAmount = definition.minimumAmount();
        allowedTerms = definition.allowedTerms().toArray(Integer[]::new);
        validFrom = definition.validFrom();
        validUntil = definition.validUntil();
        validDays = definition.validDays();
        ruleGrades = definition.ruleGrades().toArray(String[]::new);
        changedAt = now;
        changedBy = by;
    }

    CampaignTerms terms() {
        return new CampaignTerms(id, name, kind, discountedRate, interestFreeDays, minimumAmount,
                List.of(allowedTerms), validFrom, validUntil, validDays);
    }

    UUID id() {
        return id;
    }

    CampaignStatus status() {
        return status;
    }

    List<String> ruleGrades() {
        return List.of(ruleGrades);
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }
}
