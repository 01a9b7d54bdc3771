package com.lendflow.coreledger.loan;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.LoanAccountOpened;
import com.lendflow.contracts.ledger.LoanAccountRefused;
import com.lendflow.contracts.ledger.OpenLoanAccount;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.coreledger.schedule.RepaymentMethod;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The drawdown saga's last money step: a disbursement has been paid out, so its loan account opens
 * with its schedule and the disbursement is booked. The drawdown id is the disbursement id, so a
 * redelivered or re-sent command opens nothing more and is answered with the same loan.
 *
 * <p>The loan starts on the command's date, or on the business date when end of day has not yet
 * reached that date (money paid out after midnight, before end of day has closed the previous
 * day, is booked on the open business date). The reply carries the schedule actually booked.
 *
 * <p>An opening the ledger refuses (a product rule) is answered {@link LoanAccountRefused} with the
 * rule: the money has moved, so staff must act; the refusal does not roll back the message.
 */
@Component
class OpenLoanAccountOnCommand {

    static final String CONSUMER = "core-ledger-service.open-loan-account";
    private static final Logger log = LoggerFactory.getLogger(OpenLoanAccountOnCommand.class);

    private final Inbox inbox;
    private final Outbox outbox;
    private final com.lendflow.coreledger.loan.OpenLoanAccount open;
    private final LoanAccounts loans;
    private final BusinessDay businessDay;
    private final TransactionTemplate ownTransaction;

    OpenLoanAccountOnCommand(Inbox inbox, Outbox outbox, com.lendflow.coreledger.loan.OpenLoanAccount open,
                             LoanAccounts loans, BusinessDay businessDay, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.open = open;
        this.loans = loans;
        this.businessDay = businessDay;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CORE_LEDGER_COMMANDS)
    void onCommand(ConsumerRecord<String, String> record) {
        inbox.receive(record, CONSUMER, OpenLoanAccount.TYPE, (envelope, command) -> answer(command));
    }

    void answer(OpenLoanAccount command) {
        String key = command.drawdownId().toString();
        try {
            // Already opened: answer with that loan, whatever the date is now.
            LoanAccount loan = loans.findByDisbursementId(key).orElse(null);
            boolean newlyOpened = loan == null;
            if (newlyOpened) {
                // Its own transaction: a refusal rolls back the opening only, and is still answered.
                loan = ownTransaction.execute(status -> open.handle(toOpenLoan(command))).loan();
            }
            ScheduleVersion schedule = loans.scheduleVersions(loan.id()).getFirst();
            BigDecimal interest = schedule.installments().stream().map(ScheduleVersion.Line::interest)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            outbox.publish(Topics.CORE_LEDGER_LOAN, key, LoanAccountOpened.TYPE, new LoanAccountOpened(
                    command.drawdownId(), loan.id(), loan.customerId(), Amounts.text(loan.principal()),
                    Amounts.text(interest),
                    schedule.installments().stream().map(line -> Amounts.text(line.total())).toList(),
                    schedule.installments().getFirst().dueDate()));
            log.info("drawdown {} {} loan {}", command.drawdownId(), newlyOpened ? "opened" : "had already opened",
                    loan.id());
        } catch (InvalidRequest refused) {
            String reason = refused.violations().stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; "));
            refuse(command, "PRODUCT_RULE", reason);
        } catch (ApiProblem refused) {
            refuse(command, refused.slug().toUpperCase().replace('-', '_'), refused.getMessage());
        }
    }

    private void refuse(OpenLoanAccount command, String code, String reason) {
        log.error("drawdown {} was disbursed but its loan account was refused ({}): {}; staff must act",
                command.drawdownId(), code, reason);
        outbox.publish(Topics.CORE_LEDGER_LOAN, command.drawdownId().toString(), LoanAccountRefused.TYPE,
                new LoanAccountRefused(command.drawdownId(), code, reason));
    }

    private OpenLoan toOpenLoan(OpenLoanAccount command) {
        LocalDate today = businessDay.today();
        LocalDate start = command.startDate() == null || command.startDate().isAfter(today) ? today
                : command.startDate();
        return new OpenLoan(command.drawdownId().toString(), command.customerId(), command.productCode(),
                new BigDecimal(command.principal()), new BigDecimal(command.annualRate()), command.termMonths(),
                RepaymentMethod.valueOf(command.method()), start, command.fundingPartner(), command.interestFreeDays());
    }
}
