package com.lendflow.loanorder.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.security.crypto.PersonalDataCipher;
import com.lendflow.testsupport.ServiceIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search indexes reach customers registered before them: the migration fills the mobile and
 * name indexes of every existing row (more than one batch of them) from the encrypted values. Run
 * on a copy of the customer table as it was before the migration, in its own schema, rolled back.
 */
@ServiceIntegrationTest(database = "lendflow_loan_order")
class CustomerSearchIndexMigrationTest {

    @Autowired DataSource dataSource;
    @Autowired PersonalDataCipher cipher;
    @Autowired BlindIndex index;

    @Test
    void fillsTheMobileAndNameIndexesOfCustomersRegisteredBeforeIt() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("create schema before_v7");
                sql.execute("set local search_path to before_v7");
                sql.execute("""
                        create table customer (id uuid primary key, name_encrypted text not null, mobile_encrypted text not null,
                                               id_number_encrypted text not null, id_number_index text not null unique,
                                               registered_at timestamptz not null, version bigint not null default 0)""");
                try (var insert = connection.prepareStatement("insert into customer values (?, ?, ?, ?, ?, ?, 0)")) {
                    for (int i = 0; i < 1003; i++) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, cipher.encrypt(i == 0 ? "欧阳娜娜" : "客户" + i));
                        insert.setString(3, cipher.encrypt(i == 0 ? "13812345678" : String.valueOf(13900000000L + i)));
                        insert.setString(4, cipher.encrypt("id-" + i));
                        insert.setString(5, index.of("id-" + i));
                        insert.setObject(6, java.sql.Timestamp.from(Instant.now()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }

                new V7__index_customer_mobile_and_name(cipher, index).migrate(new Context() {
                    @Override
                    public Configuration getConfiguration() {
                        return null;
                    }

                    @Override
                    public Connection getConnection() {
                        return connection;
                    }
                });

                try (ResultSet missing = sql.executeQuery("select count(*) from customer where mobile_index is null or name_index is null")) {
                    missing.next();
                    assertThat(missing.getLong(1)).isZero();
                }
                try (ResultSet found = sql.executeQuery("select count(*) from customer where mobile_index = '"
                        + index.of("13812345678") + "' and name_index = '" + index.of("欧阳娜娜") + "'")) {
                    found.next();
                    assertThat(found.getLong(1)).isEqualTo(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
