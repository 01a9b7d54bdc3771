package com.lendflow.platform.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.platform.security.testapp.RegisteredPerson;
import com.lendflow.platform.security.testapp.SecurityTestApplication;
import com.lendflow.testsupport.RealInfrastructure;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Personal data of a JPA entity is encrypted in its columns and plain in the entity, on a real Hibernate and PostgreSQL. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RealInfrastructure(database = "lendflow_security_test")
class EncryptedStringConverterTest {

    @Autowired EntityManager entityManager;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired BlindIndex blindIndex;
    @Autowired PersonalDataCipher cipher;

    @Test
    void aRegisteredPersonsNameAndIdNumberAreEncryptedAtRestAndReadBackInTheClear() {
        UUID id = UUID.randomUUID();
        String idNumber = uniqueIdNumber();
        transaction.executeWithoutResult(status ->
                entityManager.persist(new RegisteredPerson(id, "欧阳娜娜", idNumber, blindIndex.of(idNumber))));

        Map<String, Object> columns = jdbc.sql("select name, id_number from registered_person where id = ?")
                .param(id).query().singleRow();
        assertThat((String) columns.get("name")).startsWith("v1:" + cipher.activeKeyId() + ":").doesNotContain("娜娜");
        assertThat((String) columns.get("id_number")).startsWith("v1:").doesNotContain(idNumber);

        RegisteredPerson readBack = transaction.execute(status -> entityManager.find(RegisteredPerson.class, id));
        assertThat(readBack.name()).isEqualTo("欧阳娜娜");
        assertThat(readBack.idNumber()).isEqualTo(idNumber);
    }

    @Test
    void aPersonIsFoundByTheIdNumberAsTypedThroughItsBlindIndex() {
        UUID id = UUID.randomUUID();
        String idNumber = uniqueIdNumber();
        transaction.executeWithoutResult(status ->
                entityManager.persist(new RegisteredPerson(id, "张三", idNumber, blindIndex.of(idNumber))));

        String typedByOps = " " + idNumber.toLowerCase() + " ";
        UUID found = jdbc.sql("select id from registered_person where id_number_index = ?")
                .param(blindIndex.of(typedByOps)).query(UUID.class).single();
        assertThat(found).isEqualTo(id);
    }

    /** Tests share the database between runs; the blind index column is unique. */
    private static String uniqueIdNumber() {
        return "110105" + String.format("%011d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000_000L)) + "X";
    }
}
