package com.lendflow.esign.document;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface Documents extends Repository<Document, UUID> {

    Document save(Document document);

    Optional<Document> findById(UUID id);

    Optional<Document> findByApplicationIdAndKind(UUID applicationId, DocumentKind kind);
}
