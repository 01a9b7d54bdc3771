package com.lendflow.antifraud.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The manual-review queue. */
@Repository
class Reviews {

    private static final TypeReference<List<ReviewView.FiredRule>> FIRED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Reviews(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(ManualReview review) {
        jdbc.sql("""
                insert into manual_review (id, assessment_id, application_id, customer_id, status, queued_at, version)
                values (?, ?, ?, ?, ?, ?, 0)
                on conflict (assessment_id) do nothing
                """)
                .param(review.id()).param(review.assessmentId()).param(review.applicationId()).param(review.customerId())
                .param(review.status().name()).param(at(review.queuedAt()))
                .update();
    }

    Optional<ManualReview> find(UUID id) {
        return jdbc.sql("select * from manual_review where id = ?").param(id).query(this::row).optional();
    }

    Optional<ManualReview> findByAssessment(UUID assessmentId) {
        return jdbc.sql("select * from manual_review where assessment_id = ?").param(assessmentId).query(this::row).optional();
    }

    /** Saves a concluded review if nobody concluded it since it was read; false if someone did. */
    boolean saveConclusion(ManualReview review) {
        return jdbc.sql("""
                update manual_review set status = ?, concluded_by = ?, concluded_at = ?, comment = ?, version = version + 1
                where id = ? and version = ? and status = 'PENDING'
                """)
                .param(review.status().name()).param(review.concludedBy()).param(at(review.concludedAt()))
                .param(review.comment()).param(review.id()).param(review.version())
                .update() == 1;
    }

    /** How many reviews are in {@code status}: one index-only count on (status, queued_at). */
    long count(ReviewStatus status) {
        return jdbc.sql("select count(*) from manual_review where status = ?").param(status.name())
                .query(Long.class).single();
    }

    /** Reviews in {@code status} with their assessment's score and fired rules, oldest first (the queue's order). */
    List<ReviewView> list(ReviewStatus status, int limit, int offset) {
        return jdbc.sql("""
                select r.*, a.score, a.fired_rules::text as fired_rules from manual_review r
                join assessment a on a.id = r.assessment_id
                where r.status = ? order by r.queued_at, r.id limit ? offset ?
                """)
                .param(status.name()).param(limit).param(offset)
                .query(this::reviewView)
                .list();
    }

    Optional<ReviewView> view(UUID id) {
        return jdbc.sql("""
                select r.*, a.score, a.fired_rules::text as fired_rules from manual_review r
                join assessment a on a.id = r.assessment_id where r.id = ?
                """)
                .param(id)
                .query(this::reviewView)
                .optional();
    }

    private ReviewView reviewView(ResultSet rs, int n) throws SQLException {
        return ReviewView.of(row(rs, n), rs.getInt("score"), json.readValue(rs.getString("fired_rules"), FIRED));
    }

    private ManualReview row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime concludedAt = rs.getObject("concluded_at", OffsetDateTime.class);
        return new ManualReview(rs.getObject("id", UUID.class), rs.getObject("assessment_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getObject("customer_id", UUID.class),
                ReviewStatus.valueOf(rs.getString("status")), rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
                rs.getString("concluded_by"), concludedAt == null ? null : concludedAt.toInstant(), rs.getString("comment"),
                rs.getLong("version"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
