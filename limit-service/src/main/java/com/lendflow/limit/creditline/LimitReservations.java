package com.lendflow.limit.creditline;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface LimitReservations extends Repository<LimitReservation, UUID> {

    LimitReservation save(LimitReservation reservation);

    Optional<LimitReservation> findById(UUID drawdownId);

    /**
     * Whose line a drawdown's reservation is on, without loading the reservation: the caller locks
     * that line first and only then reads the reservation, so it reads what the last holder wrote.
     */
    @Query("select r.customerId from LimitReservation r where r.drawdownId = :drawdownId")
    Optional<UUID> customerOf(@Param("drawdownId") UUID drawdownId);

    /** The line's latest reservations, newest first: what staff scroll through. */
    List<LimitReservation> findTop100ByCustomerIdOrderByCreatedAtDesc(UUID customerId);
}
