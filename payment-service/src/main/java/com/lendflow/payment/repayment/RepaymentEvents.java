package com.lendflow.payment.repayment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface RepaymentEvents extends Repository<RepaymentEvent, Long> {

    RepaymentEvent save(RepaymentEvent event);

    List<RepaymentEvent> findByTransferIdInOrderByIdAsc(Collection<UUID> orderIds);
}
