package com.lendflow.antifraud.blacklist;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The blacklist, as a collection of entries keyed by kind and blind index. */
@Repository
public class Blacklist {

    private final JdbcClient jdbc;

    Blacklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of the given (kind → blind index) identifiers are blacklisted; one query for all of them. */
    public Set<BlacklistKind> hits(Map<BlacklistKind, String> indexes) {
        EnumSet<BlacklistKind> hits = EnumSet.noneOf(BlacklistKind.class);
        if (indexes.isEmpty()) {
            return hits;
        }
        List<Object[]> pairs = indexes.entrySet().stream()
                .map(e -> new Object[] {e.getKey().name(), e.getValue()}).toList();
        jdbc.sql("select distinct kind from blacklist_entry where (kind, value_index) in (:pairs)")
                .param("pairs", pairs)
                .query(String.class)
                .list()
                .forEach(kind -> hits.add(BlacklistKind.valueOf(kind)));
        return hits;
    }

    void add(BlacklistEntry entry) {
        jdbc.sql("""
                insert into blacklist_entry (id, kind, value_index, value_masked, reason, added_by, added_at)
                values (:id, :kind, :index, :masked, :reason, :by, :at)
                """)
                .param("id", entry.id())
                .param("kind", entry.kind().name())
                .param("index", entry.valueIndex())
                .param("masked", entry.valueMasked())
                .param("reason", entry.reason())
                .param("by", entry.addedBy())
                .param("at", OffsetDateTime.ofInstant(entry.addedAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<BlacklistEntry> find(UUID id) {
        return jdbc.sql("select * from blacklist_entry where id = ?").param(id).query(this::entry).optional();
    }

    Optional<BlacklistEntry> find(BlacklistKind kind, String valueIndex) {
        return jdbc.sql("select * from blacklist_entry where kind = ? and value_index = ?")
                .param(kind.name()).param(valueIndex).query(this::entry).optional();
    }

    List<BlacklistEntry> list(BlacklistKind kind, int limit, int offset) {
        return jdbc.sql("""
                select * from blacklist_entry where (cast(:kind as text) is null or kind = :kind)
                order by added_at desc, id limit :limit offset :offset
                """)
                .param("kind", kind == null ? null : kind.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::entry)
                .list();
    }

    boolean remove(UUID id) {
        return jdbc.sql("delete from blacklist_entry where id = ?").param(id).update() == 1;
    }

    private BlacklistEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new BlacklistEntry(rs.getObject("id", UUID.class), BlacklistKind.valueOf(rs.getString("kind")),
                rs.getString("value_index"), rs.getString("value_masked"), rs.getString("reason"),
                rs.getString("added_by"), rs.getObject("added_at", OffsetDateTime.class).toInstant());
    }
}
