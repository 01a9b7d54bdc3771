package com.lendflow.payment.disbursement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface DisbursementEvents extends Repository<DisbursementEvent, Long> {

    DisbursementEvent save(DisbursementEvent event);

    List<DisbursementEvent> findByTransferIdOrderByIdAsc(UUID drawdownId);
}
