package com.lendflow.coreledger.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.ledger.OpenLoanAccount;
import com.lendflow.coreledger.books.LedgerInvariants;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The drawdown saga opens loans by message: once per drawdown, answered with the schedule booked. */
@ServiceIntegrationTest(database = "lendflow_core_ledger")
class LoanOpeningByMessageTest {

    @Autowired EnvelopeCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessDay businessDay;

    @AfterEach
    void theBooksStillBalance() {
        LedgerInvariants.check(jdbc);
        LedgerInvariants.checkSubLedger(jdbc);
    }

    void send(OpenLoanAccount command) {
        KafkaProbe.send(Topics.CORE_LEDGER_COMMANDS, command.drawdownId().toString(), codec.encode(codec.wrap(
                OpenLoanAccount.TYPE, command.drawdownId().toString(), command, UUID.randomUUID(), command.drawdownId(),
                null, Instant.now())));
    }

    String reply(UUID drawdownId, String type) {
        String[] payload = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var rows = jdbc.sql("select envelope::text from messaging.outbox where message_key = ? and message_type = ?")
                    .params(drawdownId.toString(), type).query(String.class).list();
            assertThat(rows).isNotEmpty();
            // A re-sent command is answered again, with the same loan.
            assertThat(rows.stream().map(row -> row.replaceAll(".*\"loanId\":\"([^\"]*)\".*", "$1")).distinct())
                    .hasSize(1);
            payload[0] = rows.getFirst();
        });
        return payload[0];
    }

    OpenLoanAccount hundredYuan(UUID drawdownId, String product) {
        return new OpenLoanAccount(drawdownId, UUID.randomUUID(), product, "100.00", "0.09125", 3, "EQUAL_INSTALLMENT",
                businessDay.today(), "partner-bank-a", 0);
    }

    @Test
    void aDisbursedDrawdownOpensItsLoanOnceAndIsAnsweredWithTheSchedule() {
        UUID drawdown = UUID.randomUUID();
        OpenLoanAccount command = hundredYuan(drawdown, "CASH_LOAN_STANDARD");

        send(command);
        send(command);

        String opened = reply(drawdown, "LoanAccountOpened");
        assertThat(opened).contains("\"installments\":[\"33.84\",\"33.84\",\"33.85\"]").contains("\"totalInterest\":\"1.53\"");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from loan_account where disbursement_id = ?").param(drawdown.toString())
                    .query(Long.class).single()).isOne();
            assertThat(jdbc.sql("select count(*) from journal_entry where event_id = ?")
                    .param("disbursement:" + drawdown).query(Long.class).single()).isOne();
        });
    }

    @Test
    void anInterestFreeDaysCouponIsBookedAsTheQuoteAndTheContractSaid() {
        UUID drawdown = UUID.randomUUID();
        OpenLoanAccount plain = hundredYuan(drawdown, "CASH_LOAN_STANDARD");

        send(new OpenLoanAccount(drawdown, plain.customerId(), plain.productCode(), plain.principal(),
                plain.annualRate(), 3, "EQUAL_INSTALLMENT", plain.startDate(), plain.fundingPartner(), 7));

        // 7 days of 100.00 at 9.125% (0.18) off the first installment's interest, as the engine's test shows.
        assertThat(reply(drawdown, "LoanAccountOpened")).contains("\"installments\":[\"33.66\",\"33.84\",\"33.85\"]")
                .contains("\"totalInterest\":\"1.35\"");
    }

    @Test
    void anOpeningTheProductRefusesIsAnsweredWithTheRuleAndBooksNothing() {
        UUID drawdown = UUID.randomUUID();

        send(hundredYuan(drawdown, "NO_SUCH_PRODUCT"));

        assertThat(reply(drawdown, "LoanAccountRefused")).contains("PRODUCT_RULE").contains("productCode");
        assertThat(jdbc.sql("select count(*) from loan_account where disbursement_id = ?").param(drawdown.toString())
                .query(Long.class).single()).isZero();
    }
}
