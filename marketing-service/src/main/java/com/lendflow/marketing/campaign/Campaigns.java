package com.lendflow.marketing.campaign;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Campaigns extends Repository<Campaign, UUID> {

    Campaign save(Campaign campaign);

    Optional<Campaign> findById(UUID id);

    List<Campaign> findAllByOrderByCreatedAtDesc();

    @Query("select c from Campaign c where c.status = com.lendflow.marketing.campaign.CampaignStatus.ACTIVE")
    List<Campaign> findActive();
}
