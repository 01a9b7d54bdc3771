package com.lendflow.localstack;

import com.lendflow.antifraud.AntifraudServiceApplication;
import com.lendflow.auth.AuthServerApplication;
import com.lendflow.collection.CollectionServiceApplication;
import com.lendflow.coreledger.CoreLedgerServiceApplication;
import com.lendflow.creditdecision.CreditDecisionServiceApplication;
import com.lendflow.esign.EsignServiceApplication;
import com.lendflow.funding.FundingServiceApplication;
import com.lendflow.gateway.GatewayApplication;
import com.lendflow.limit.LimitServiceApplication;
import com.lendflow.loanorder.LoanOrderServiceApplication;
import com.lendflow.marketing.MarketingServiceApplication;
import com.lendflow.opsconsole.OpsConsoleApplication;
import com.lendflow.payment.PaymentServiceApplication;
import com.lendflow.platform.web.ServiceApplication;
import com.lendflow.reconciliation.ReconciliationServiceApplication;
import com.lendflow.simulator.PartnerSimulatorApplication;
import java.util.List;

/** Every service of Lendflow, with the port and database it has in the local stack and in docker-compose. */
final class Suite {

    static final StackService PARTNER_SIMULATOR = new StackService(PartnerSimulatorApplication.NAME, 8099, null,
            args -> ServiceApplication.run(PartnerSimulatorApplication.class, PartnerSimulatorApplication.NAME, args));

    static final StackService AUTH_SERVER = new StackService(AuthServerApplication.NAME, 9000, null,
            AuthServerApplication::start);

    static final List<StackService> SERVICES = List.of(
            service(LoanOrderServiceApplication.class, LoanOrderServiceApplication.NAME, 8081, "lendflow_loan_order"),
            service(LimitServiceApplication.class, LimitServiceApplication.NAME, 8082, "lendflow_limit"),
            service(AntifraudServiceApplication.class, AntifraudServiceApplication.NAME, 8083, "lendflow_antifraud"),
            service(CreditDecisionServiceApplication.class, CreditDecisionServiceApplication.NAME, 8084, "lendflow_credit_decision"),
            service(EsignServiceApplication.class, EsignServiceApplication.NAME, 8085, "lendflow_esign"),
            service(MarketingServiceApplication.class, MarketingServiceApplication.NAME, 8086, "lendflow_marketing"),
            service(FundingServiceApplication.class, FundingServiceApplication.NAME, 8087, "lendflow_funding"),
            service(PaymentServiceApplication.class, PaymentServiceApplication.NAME, 8088, "lendflow_payment"),
            service(CoreLedgerServiceApplication.class, CoreLedgerServiceApplication.NAME, 8089, "lendflow_core_ledger"),
            service(ReconciliationServiceApplication.class, ReconciliationServiceApplication.NAME, 8090, "lendflow_reconciliation"),
            service(CollectionServiceApplication.class, CollectionServiceApplication.NAME, 8091, "lendflow_collection"));

    /** The staff web console's page and sign-in; the gateway serves it at /console/. */
    static final StackService OPS_CONSOLE = new StackService(OpsConsoleApplication.NAME, 8092, null,
            args -> ServiceApplication.run(OpsConsoleApplication.class, OpsConsoleApplication.NAME, args));

    static final StackService GATEWAY = new StackService(GatewayApplication.NAME, 8080, null, GatewayApplication::start);

    private Suite() {
    }

    private static StackService service(Class<?> application, String name, int port, String database) {
        return new StackService(name, port, database, args -> ServiceApplication.run(application, name, args));
    }
}
