package com.lendflow.esign.authorisation;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.esign.AuthorisationSigned;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.contracts.esign.SigningFailed;
import com.lendflow.esign.document.ArchivedDocument;
import com.lendflow.esign.document.DocumentArchive;
import com.lendflow.esign.document.DocumentKind;
import com.lendflow.esign.document.DocumentState;
import com.lendflow.esign.document.Sha256;
import com.lendflow.esign.provider.ESignatureProvider;
import com.lendflow.esign.provider.ProviderSignature;
import com.lendflow.esign.provider.ProviderUnavailable;
import com.lendflow.esign.provider.SigningRefused;
import com.lendflow.esign.provider.SigningRequest;
import com.lendflow.platform.messaging.Outbox;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a customer's credit-bureau authorisation, at most once per application, in three steps
 * so that no database transaction stays open while the provider is called:
 * <ol>
 *   <li>{@link #prepare} (in the inbox's transaction): render and archive the PDF as RENDERED,
 *       or, if the application has a signed document already, announce that one again;</li>
 *   <li>{@link #sign}: ask the provider, outside any transaction, with the document id as the
 *       provider's request id (the provider signs one request id once);</li>
 *   <li>in a second transaction: archive the signed PDF with its SHA-256 and publish
 *       {@link AuthorisationSigned}, or record the failure and publish {@link SigningFailed}.</li>
 * </ol>
 */
@Component
class SignAuthorisationHandler {

    static final String PROVIDER_REFUSED = "PROVIDER_REFUSED";
    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    private static final Logger log = LoggerFactory.getLogger(SignAuthorisationHandler.class);

    private final AuthorisationRenderer renderer;
    private final DocumentArchive archive;
    private final ESignatureProvider provider;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    SignAuthorisationHandler(AuthorisationRenderer renderer, DocumentArchive archive, ESignatureProvider provider,
                             Outbox outbox, TransactionTemplate transactions) {
        this.renderer = renderer;
        this.archive = archive;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** A document waiting for the provider's signature. */
    record Draft(UUID documentId, UUID applicationId, UUID customerId, boolean mayAlreadyBeSigned) {
    }

    /** Step 1, inside the caller's transaction. Empty when there is nothing left to sign. */
    Optional<Draft> prepare(SignAuthorisation command) {
        Optional<ArchivedDocument> existing = archive.find(DocumentKind.CREDIT_AUTHORISATION, command.applicationId());
        if (existing.isEmpty()) {
            byte[] pdf = renderer.render(command.fullName(), command.idNumber(), command.signedOn());
            ArchivedDocument rendered = archive.recordRendered(DocumentKind.CREDIT_AUTHORISATION, command.applicationId(),
                    command.customerId(), renderer.templateVersion(), pdf);
            return Optional.of(new Draft(rendered.id(), rendered.applicationId(), rendered.customerId(), false));
        }
        ArchivedDocument document = existing.get();
        return switch (document.state()) {
            case SIGNED -> {
                log.info("application {} is signed already as document {}; announcing it again",
                        command.applicationId(), document.id());
                announceSigned(document);
                yield Optional.empty();
            }
            // An earlier attempt stopped half-way (a crash after step 1): its outcome at the provider is unknown.
            case RENDERED -> Optional.of(new Draft(document.id(), document.applicationId(), document.customerId(), true));
            // The provider may have signed during a timed-out attempt; the same request id finds that signature.
            case FAILED -> {
                ArchivedDocument retried = archive.retry(document.id());
                yield Optional.of(new Draft(retried.id(), retried.applicationId(), retried.customerId(), true));
            }
            // Only Lendflow's own documents (settlement certificates) are issued unsigned.
            case ISSUED -> throw new IllegalStateException("an authorisation is never issued unsigned: document "
                    + document.id());
        };
    }

    /** For a redelivered command: the document an interrupted attempt left unsigned, if any. */
    Optional<Draft> unfinished(SignAuthorisation command) {
        return transactions.execute(status -> archive.find(DocumentKind.CREDIT_AUTHORISATION, command.applicationId())
                .filter(document -> document.state() == DocumentState.RENDERED)
                .map(document -> new Draft(document.id(), document.applicationId(), document.customerId(), true)));
    }

    /** Steps 2 and 3. Must not run inside a transaction. */
    void sign(Draft draft, SignAuthorisation command) {
        byte[] pdf = transactions.execute(status -> archive.renderedPdf(draft.documentId()));
        SigningRequest request = new SigningRequest(draft.documentId(), pdf,
                Sha256.of(pdf), command.fullName(), command.idNumber());
        ProviderSignature signature;
        try {
            signature = provider.sign(request, draft.mayAlreadyBeSigned());
        } catch (SigningRefused e) {
            fail(draft, PROVIDER_REFUSED, e.getMessage());
            return;
        } catch (ProviderUnavailable e) {
            fail(draft, PROVIDER_UNAVAILABLE, e.getMessage());
            return;
        }
        transactions.executeWithoutResult(status -> archive.recordSigned(draft.documentId(), signature.signatureId(),
                signature.signedDocument(), signature.signedAt()).ifPresent(signed -> {
                    log.info("application {} authorisation signed as document {} (provider signature {})",
                            signed.applicationId(), signed.id(), signed.providerSignatureId());
                    announceSigned(signed);
                }));
    }

    private void fail(Draft draft, String code, String reason) {
        log.warn("signing document {} of application {} failed: {} {}", draft.documentId(), draft.applicationId(), code,
                reason);
        transactions.executeWithoutResult(status -> archive.recordFailed(draft.documentId(), code, reason)
                .ifPresent(failed -> outbox.publish(Topics.ESIGN_DOCUMENT, failed.applicationId().toString(),
                        SigningFailed.TYPE, new SigningFailed(failed.applicationId(), code, reason))));
    }

    private void announceSigned(ArchivedDocument document) {
        outbox.publish(Topics.ESIGN_DOCUMENT, document.applicationId().toString(), AuthorisationSigned.TYPE,
                new AuthorisationSigned(document.applicationId(), document.customerId(), document.id(),
                        document.signedSha256(), document.signedAt()));
    }
}
