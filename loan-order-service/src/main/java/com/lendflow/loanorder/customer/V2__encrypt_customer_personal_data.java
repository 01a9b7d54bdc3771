package com.lendflow.loanorder.customer;

import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.security.crypto.PersonalDataCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Moves customers' personal data from clear text to encrypted columns with a blind index for the
 * ID number: add the columns, encrypt every existing row, make them required, then drop the
 * clear-text columns. A Java migration because only the application holds the keys; Spring Boot
 * hands it to Flyway as a bean, after the cipher is configured.
 */
@Component
class V2__encrypt_customer_personal_data extends BaseJavaMigration {

    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    V2__encrypt_customer_personal_data(PersonalDataCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    alter table customer
                        add column name_encrypted      text,
                        add column mobile_encrypted    text,
                        add column id_number_encrypted text,
                        add column id_number_index     text
                    """);
        }
        try (Statement rows = connection.createStatement();
             ResultSet existing = rows.executeQuery("select id, name, mobile, id_number from customer");
             PreparedStatement update = connection.prepareStatement("""
                     update customer set name_encrypted = ?, mobile_encrypted = ?, id_number_encrypted = ?,
                         id_number_index = ? where id = ?
                     """)) {
            while (existing.next()) {
                update.setString(1, cipher.encrypt(existing.getString("name")));
                update.setString(2, cipher.encrypt(existing.getString("mobile")));
                update.setString(3, cipher.encrypt(existing.getString("id_number")));
                update.setString(4, index.of(existing.getString("id_number")));
                update.setObject(5, existing.getObject("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    alter table customer
                        alter column name_encrypted set not null,
                        alter column mobile_encrypted set not null,
                        alter column id_number_encrypted set not null,
                        alter column id_number_index set not null,
                        drop constraint customer_id_number_unique,
                        drop column name,
                        drop column mobile,
                        drop column id_number,
                        add constraint customer_id_number_index_unique unique (id_number_index)
                    """);
        }
    }
}
