package com.lendflow.platform.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lendflow.platform.security.testapp.SecurityTestApplication;
import com.lendflow.testsupport.RealInfrastructure;
import com.lendflow.testsupport.SharedInfrastructure;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The ops console's search over HTTP: its JSON shape, its limits, and where it is offered at all. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RealInfrastructure(database = "lendflow_security_test")
class AuditSearchEndpointTest {

    @Autowired AuditTrail auditTrail;
    @Autowired AuditRecords auditRecords;
    @Autowired ApplicationContext context;

    @Test
    void opsSearchACustomersHistoryNewestFirst() throws Exception {
        String customerId = UUID.randomUUID().toString();
        long first = auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "first call"));
        long second = auditTrail.record(AuditEntry.of("customer.reveal", "customer", customerId, "second call"));

        opsConsole().perform(get("/ops/v1/audit")
                        .param("subjectType", "customer").param("subjectId", customerId)
                        .param("from", "2020-01-01T00:00:00Z").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.records.length()").value(2))
                .andExpect(jsonPath("$.records[0].id").value(second))
                .andExpect(jsonPath("$.records[0].reason").value("second call"))
                .andExpect(jsonPath("$.records[0].actor").value("system"))
                .andExpect(jsonPath("$.records[1].id").value(first));
    }

    @Test
    void aPageOfMoreThanTwoHundredRecordsIsRefusedAsAnInvalidRequest() throws Exception {
        opsConsole().perform(get("/ops/v1/audit").param("size", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:lendflow:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].rule").value("Range"));
    }

    @Test
    void theSearchIsOfferedOnlyByServletApplications() {
        assertThat(context.getBeanNamesForType(AuditController.class)).isEmpty();

        DataSource database = new SimpleDriverDataSource(new org.postgresql.Driver(),
                SharedInfrastructure.jdbcUrl("lendflow_security_test"), SharedInfrastructure.USER, SharedInfrastructure.PASSWORD);
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
                .withBean(DataSource.class, () -> database)
                .run(web -> assertThat(web).hasNotFailed().hasSingleBean(AuditController.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
                .run(noDatabase -> assertThat(noDatabase).hasNotFailed().doesNotHaveBean(AuditTrail.class));
    }

    private MockMvc opsConsole() {
        return MockMvcBuilders.standaloneSetup(new AuditController(auditRecords)).build();
    }
}
