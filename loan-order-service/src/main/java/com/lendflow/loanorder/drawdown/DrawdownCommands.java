package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import com.lendflow.contracts.creditdecision.BureauAuthorisation;
import com.lendflow.contracts.creditdecision.DecideDrawdown;
import com.lendflow.contracts.esign.SignLoanContract;
import com.lendflow.contracts.funding.ConfirmFunding;
import com.lendflow.contracts.funding.ReleaseFunding;
import com.lendflow.contracts.funding.ReserveFunding;
import com.lendflow.contracts.ledger.OpenLoanAccount;
import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.ReleaseLimit;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.contracts.marketing.LockCoupon;
import com.lendflow.contracts.marketing.RedeemCoupon;
import com.lendflow.contracts.marketing.ReleaseCoupon;
import com.lendflow.contracts.payment.Disburse;
import com.lendflow.loanorder.creditapplication.Rates;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands a drawdown sends, built from the drawdown alone, so a resent command says exactly
 * what the first one said (dates included): the receiving services deduplicate per drawdown.
 */
@Component
class DrawdownCommands {

    private final Outbox outbox;
    private final JsonMapper json;
    private final DrawdownSettings settings;

    DrawdownCommands(Outbox outbox, JsonMapper json, DrawdownSettings settings) {
        this.outbox = outbox;
        this.json = json;
        this.settings = settings;
    }

    /** Records the current step's command in the outbox. */
    Sent send(Drawdown d) {
        UUID id = d.id();
        String key = id.toString();
        String amount = Amounts.text(d.amount());
        return switch (d.step()) {
            case RESERVE_LIMIT -> sent(ReserveLimit.TYPE.name(), outbox.publish(Topics.LIMIT_COMMANDS, key, ReserveLimit.TYPE,
                    new ReserveLimit(id, d.customerId(), amount)));
            case LOCK_COUPON -> sent(LockCoupon.TYPE.name(), outbox.publish(Topics.MARKETING_COMMANDS, key, LockCoupon.TYPE,
                    new LockCoupon(id, d.customerId(), d.couponId(), amount, d.termMonths(), Rates.text(d.lineRate()))));
            case PREPARE_CONTRACT -> throw new IllegalStateException("preparing the contract sends no command");
            case SIGN_CONTRACT -> sent(SignLoanContract.TYPE.name(), outbox.publish(Topics.ESIGN_COMMANDS, key,
                    SignLoanContract.TYPE, new SignLoanContract(id, d.customerId(), d.fullName(), d.idNumber(), amount,
                            d.termMonths(), d.method(), Rates.text(d.annualRate()), Amounts.text(d.totalInterest()),
                            Amounts.text(d.firstInstallment()), d.firstDueDate(), d.lastDueDate(), d.partnerName(),
                            d.startDate())));
            case ASSESS_RISK -> sent(AssessDrawdownRisk.TYPE.name(), outbox.publish(Topics.ANTIFRAUD_COMMANDS, key,
                    AssessDrawdownRisk.TYPE, new AssessDrawdownRisk(id, d.customerId(), d.cardId(), amount, device(d),
                            d.submittedAt())));
            case DECIDE -> sent(DecideDrawdown.TYPE.name(), outbox.publish(Topics.CREDIT_DECISION_COMMANDS, key,
                    DecideDrawdown.TYPE, new DecideDrawdown(id, d.customerId(), d.fullName(), d.idNumber(), d.mobile(),
                            amount, d.termMonths(), new BureauAuthorisation(d.authorisationDocumentId(),
                            d.authorisationSha256(), d.authorisationSignedAt()))));
            case RESERVE_FUNDING -> sent(ReserveFunding.TYPE.name(), outbox.publish(Topics.FUNDING_COMMANDS, key,
                    ReserveFunding.TYPE, new ReserveFunding(id, d.customerId(), d.partnerId(), amount, d.termMonths(),
                            d.grade(), d.startDate())));
            case DISBURSE -> sent(Disburse.TYPE.name(), outbox.publish(Topics.PAYMENT_COMMANDS, key, Disburse.TYPE,
                    new Disburse(id, d.customerId(), d.cardId(), amount, d.partnerId())));
            case OPEN_LOAN_ACCOUNT -> sent(OpenLoanAccount.TYPE.name(), outbox.publish(Topics.CORE_LEDGER_COMMANDS, key,
                    OpenLoanAccount.TYPE, new OpenLoanAccount(id, d.customerId(), settings.productCode(), amount,
                            Rates.text(d.annualRate()), d.termMonths(), d.method(), startDate(d), d.partnerId(),
                            d.interestFreeDays())));
        };
    }

    /** Records a compensation or confirmation in the outbox. */
    Sent send(Drawdown d, Effect effect) {
        UUID id = d.id();
        String key = id.toString();
        String why = d.reasonCode() == null ? null : "drawdown failed at " + d.step() + ": " + d.reasonCode();
        return switch (effect) {
            case RELEASE_FUNDING -> sent(ReleaseFunding.TYPE.name(), outbox.publish(Topics.FUNDING_COMMANDS, key,
                    ReleaseFunding.TYPE, new ReleaseFunding(id, why)));
            case RELEASE_COUPON -> sent(ReleaseCoupon.TYPE.name(), outbox.publish(Topics.MARKETING_COMMANDS, key,
                    ReleaseCoupon.TYPE, new ReleaseCoupon(id, d.couponId(), why)));
            case RELEASE_LIMIT -> sent(ReleaseLimit.TYPE.name(), outbox.publish(Topics.LIMIT_COMMANDS, key,
                    ReleaseLimit.TYPE, new ReleaseLimit(id, d.customerId(), why)));
            case CONFIRM_LIMIT -> sent(ConfirmLimit.TYPE.name(), outbox.publish(Topics.LIMIT_COMMANDS, key,
                    ConfirmLimit.TYPE, new ConfirmLimit(id, d.customerId())));
            case REDEEM_COUPON -> sent(RedeemCoupon.TYPE.name(), outbox.publish(Topics.MARKETING_COMMANDS, key,
                    RedeemCoupon.TYPE, new RedeemCoupon(id, d.couponId())));
            case CONFIRM_FUNDING -> sent(ConfirmFunding.TYPE.name(), outbox.publish(Topics.FUNDING_COMMANDS, key,
                    ConfirmFunding.TYPE, new ConfirmFunding(id)));
            default -> throw new IllegalArgumentException(effect + " is not a command");
        };
    }

    /**
     * The loan starts the day the money reached the card, in this service's zone; core-ledger owns
     * the business date and may book it on its own (a payout after its end of day, say).
     */
    private LocalDate startDate(Drawdown d) {
        return LocalDate.ofInstant(d.disbursedAt(), settings.zone());
    }

    private ApplicantDevice device(Drawdown d) {
        return d.deviceJson() == null ? null : json.readValue(d.deviceJson(), ApplicantDevice.class);
    }

    private static Sent sent(String type, UUID messageId) {
        return new Sent(type, messageId);
    }

    record Sent(String type, UUID messageId) {
    }
}
