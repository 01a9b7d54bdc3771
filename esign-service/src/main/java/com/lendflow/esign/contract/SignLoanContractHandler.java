package com.lendflow.esign.contract;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.esign.LoanContractSigned;
import com.lendflow.contracts.esign.SignLoanContract;
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
 * Signs a drawdown's loan contract, at most once per drawdown, in the authorisation's three steps
 * so that no database transaction stays open while the provider is called:
 * <ol>
 *   <li>{@link #prepare} (in the inbox's transaction): check the terms, render and archive the
 *       PDF as RENDERED (the drawdown id is the document's application id), or, if the drawdown's
 *       contract is signed already, announce that one again;</li>
 *   <li>{@link #sign}: ask the provider, outside any transaction, with the document id as the
 *       provider's request id (the provider signs one request id once);</li>
 *   <li>in a second transaction: archive the signed PDF with its SHA-256 and publish
 *       {@link LoanContractSigned}, or record the failure and publish {@link SigningFailed}.</li>
 * </ol>
 */
@Component
class SignLoanContractHandler {

    static final String INVALID_COMMAND = "INVALID_COMMAND";
    static final String PROVIDER_REFUSED = "PROVIDER_REFUSED";
    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    private static final Logger log = LoggerFactory.getLogger(SignLoanContractHandler.class);

    private final LoanContractRenderer renderer;
    private final DocumentArchive archive;
    private final ESignatureProvider provider;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    SignLoanContractHandler(LoanContractRenderer renderer, DocumentArchive archive, ESignatureProvider provider,
                            Outbox outbox, TransactionTemplate transactions) {
        this.renderer = renderer;
        this.archive = archive;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** A contract waiting for the provider's signature. */
    record Draft(UUID documentId, UUID drawdownId, UUID customerId, boolean mayAlreadyBeSigned) {
    }

    /** Step 1, inside the caller's transaction. Empty when there is nothing left to sign. */
    Optional<Draft> prepare(SignLoanContract command) {
        Optional<ArchivedDocument> existing = archive.find(DocumentKind.LOAN_CONTRACT, command.drawdownId());
        if (existing.isEmpty()) {
            LoanContractTerms terms;
            try {
                terms = LoanContractTerms.of(command, renderer.methods());
            } catch (InvalidContractCommand invalid) {
                // A fault in the command: the same command is refused the same way every time, nothing archived.
                log.warn("refusing to draw up the loan contract of drawdown {}: {}", command.drawdownId(),
                        invalid.getMessage());
                outbox.publish(Topics.ESIGN_DOCUMENT, command.drawdownId().toString(), SigningFailed.TYPE,
                        new SigningFailed(command.drawdownId(), INVALID_COMMAND, invalid.getMessage()));
                return Optional.empty();
            }
            ArchivedDocument rendered = archive.recordRendered(DocumentKind.LOAN_CONTRACT, command.drawdownId(),
                    command.customerId(), renderer.templateVersion(), renderer.render(terms));
            return Optional.of(new Draft(rendered.id(), rendered.applicationId(), rendered.customerId(), false));
        }
        ArchivedDocument document = existing.get();
        return switch (document.state()) {
            case SIGNED -> {
                log.info("drawdown {}'s loan contract is signed already as document {}; announcing it again",
                        command.drawdownId(), document.id());
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
            case ISSUED -> throw new IllegalStateException("a loan contract is never issued unsigned: document "
                    + document.id());
        };
    }

    /** For a redelivered command: the contract an interrupted attempt left unsigned, if any. */
    Optional<Draft> unfinished(SignLoanContract command) {
        return transactions.execute(status -> archive.find(DocumentKind.LOAN_CONTRACT, command.drawdownId())
                .filter(document -> document.state() == DocumentState.RENDERED)
                .map(document -> new Draft(document.id(), document.applicationId(), document.customerId(), true)));
    }

    /** Steps 2 and 3. Must not run inside a transaction. */
    void sign(Draft draft, SignLoanContract command) {
        byte[] pdf = transactions.execute(status -> archive.renderedPdf(draft.documentId()));
        SigningRequest request = new SigningRequest(draft.documentId(), pdf, Sha256.of(pdf), command.fullName(),
                command.idNumber());
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
                    log.info("drawdown {}'s loan contract signed as document {} (provider signature {})",
                            signed.applicationId(), signed.id(), signed.providerSignatureId());
                    announceSigned(signed);
                }));
    }

    private void fail(Draft draft, String code, String reason) {
        log.warn("signing loan contract {} of drawdown {} failed: {} {}", draft.documentId(), draft.drawdownId(), code,
                reason);
        transactions.executeWithoutResult(status -> archive.recordFailed(draft.documentId(), code, reason)
                .ifPresent(failed -> outbox.publish(Topics.ESIGN_DOCUMENT, failed.applicationId().toString(),
                        SigningFailed.TYPE, new SigningFailed(failed.applicationId(), code, reason))));
    }

    private void announceSigned(ArchivedDocument document) {
        outbox.publish(Topics.ESIGN_DOCUMENT, document.applicationId().toString(), LoanContractSigned.TYPE,
                new LoanContractSigned(document.applicationId(), document.customerId(), document.id(),
                        document.signedSha256(), document.signedAt()));
    }
}
