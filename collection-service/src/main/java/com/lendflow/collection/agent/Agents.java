package com.lendflow.collection.agent;

import com.lendflow.collection.casework.Cases;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Collection agents, their load, and handing cases to them within their capacity. */
@Component
public class Agents {

    private final JdbcClient jdbc;
    private final Clock clock;

    Agents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Agent(String userId, String displayName, List<String> grades, int capacity, boolean senior,
                        boolean active, int openCases) {

        public boolean takes(String grade) {
            return active && grades.contains(grade);
        }

        public boolean full() {
            return openCases >= capacity;
        }
    }

    private static final String SELECT = """
            select a.user_id, a.display_name, a.grades, a.capacity, a.senior, a.active,
                   (select count(*) from collection_case c where c.agent_id = a.user_id and c.state = 'OPEN') as open_cases
              from agent a""";

    public List<Agent> all() {
        return jdbc.sql(SELECT + " order by a.user_id").query(this::agentOf).list();
    }

    public Optional<Agent> find(String userId) {
        return jdbc.sql(SELECT + " where a.user_id = ?").param(userId).query(this::agentOf).optional();
    }

    /** Locks the agent's row so two assignments cannot both take their last free place. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Agent> lock(String userId) {
        jdbc.sql("select user_id from agent where user_id = ? for update").param(userId).query(String.class).optional();
        return find(userId);
    }

    /**
     * Hands the case to the least-loaded active agent who takes its grade (senior agents only for
     * the senior queue) and has room; the case stays in the queue unassigned when nobody has.
     *
     * @return the agent it went to, if any
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> assign(UUID caseId, String grade, String queue) {
        List<String> candidates = jdbc.sql(SELECT + """
                 \swhere a.active and :grade = any(a.grades) and (:senior = false or a.senior)
                 order by open_cases, a.user_id""")
                .param("grade", grade).param("senior", "SENIOR".equals(queue))
                .query(this::agentOf).list().stream().filter(a -> !a.full()).map(Agent::userId).toList();
        for (String candidate : candidates) {
            Agent locked = lock(candidate).orElseThrow();
            if (!locked.full()) {
                handTo(caseId, queue, candidate);
                return Optional.of(candidate);
            }
        }
        jdbc.sql("update collection_case set queue = ?, agent_id = null, agency = null where id = ?")
                .params(queue, caseId).update();
        return Optional.empty();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void handTo(UUID caseId, String queue, String agentId) {
        jdbc.sql("""
                update collection_case set queue = :queue, agent_id = :agent, agency = null, assigned_at = :at,
                                           lock_holder = null, lock_expires_at = null
                 where id = :id
                """).param("queue", queue).param("agent", agentId).param("at", Cases.at(clock.instant()))
                .param("id", caseId).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void outsource(UUID caseId, String agency) {
        jdbc.sql("""
                update collection_case set queue = 'OUTSOURCE', agent_id = null, agency = ?, assigned_at = ?,
                                           lock_holder = null, lock_expires_at = null
                 where id = ?
                """).params(agency, Cases.at(clock.instant()), caseId).update();
    }

    void save(String userId, String displayName, List<String> grades, int capacity, boolean senior, boolean active) {
        jdbc.sql("""
                insert into agent (user_id, display_name, grades, capacity, senior, active, updated_at)
                values (:id, :name, :grades, :capacity, :senior, :active, now())
                on conflict (user_id) do update set display_name = excluded.display_name, grades = excluded.grades,
                       capacity = excluded.capacity, senior = excluded.senior, active = excluded.active, updated_at = now()
                """)
                .param("id", userId).param("name", displayName).param("grades", grades.toArray(String[]::new))
                .param("capacity", capacity).param("senior", senior).param("active", active)
                .update();
    }

    private Agent agentOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Agent(rs.getString("user_id"), rs.getString("display_name"),
                Arrays.asList((String[]) rs.getArray("grades").getArray()), rs.getInt("capacity"),
                rs.getBoolean("senior"), rs.getBoolean("active"), rs.getInt("open_cases"));
    }
}
