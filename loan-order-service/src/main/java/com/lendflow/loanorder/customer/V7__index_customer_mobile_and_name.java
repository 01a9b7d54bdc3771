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
 * Lets ops staff find a customer by the mobile or the name they give on the phone: a blind index
 * (HMAC) of each, since the values themselves are only stored encrypted. Adds the columns, fills
 * them for existing customers (only the application can decrypt), makes them required and
 * indexes them. Rows are read in id order in batches so a large table never sits in memory.
 */
@Component
class V7__index_customer_mobile_and_name extends BaseJavaMigration {

    private static final int BATCH = 1000;

    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    V7__index_customer_mobile_and_name(PersonalDataCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table customer add column mobile_index text, add column name_index text");
        }
        try (PreparedStatement rows = connection.prepareStatement("""
                     select id, name_encrypted, mobile_encrypted from customer where mobile_index is null
                      order by id limit ?""");
             PreparedStatement update = connection.prepareStatement(
                     "update customer set mobile_index = ?, name_index = ? where id = ?")) {
            rows.setInt(1, BATCH);
            int filled;
            do {
                filled = 0;
                try (ResultSet batch = rows.executeQuery()) {
                    while (batch.next()) {
                        update.setString(1, index.of(cipher.decrypt(batch.getString("mobile_encrypted"))));
                        update.setString(2, index.of(cipher.decrypt(batch.getString("name_encrypted"))));
                        update.setObject(3, batch.getObject("id"));
                        update.addBatch();
                        filled++;
                    }
                }
                update.executeBatch();
            } while (filled == BATCH);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    alter table customer
                        alter column mobile_index set not null,
                        alter column name_index set not null
                    """);
            ddl.execute("create index customer_by_mobile_index on customer (mobile_index, registered_at, id)");
            ddl.execute("create index customer_by_name_index on customer (name_index, registered_at, id)");
        }
    }
}
