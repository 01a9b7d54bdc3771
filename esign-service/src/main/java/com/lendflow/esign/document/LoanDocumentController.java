package com.lendflow.esign.document;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A loan's documents by loan id, for its borrower (the app backend acting for the customer) and
 * ops staff. Someone else's loan answers exactly as a loan without the document: 404.
 */
@RestController
@RequestMapping("/api/v1/loans")
@PreAuthorize("hasAuthority('SCOPE_customer') or hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
class LoanDocumentController {

    private final Documents documents;
    private final AuditTrail audit;

    LoanDocumentController(Documents documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    /** The settlement certificate (结清证明) as a PDF, once the loan is settled and it is issued. */
    @GetMapping("/{loanId}/settlement-certificate")
    @Transactional
    ResponseEntity<byte[]> settlementCertificate(@PathVariable UUID loanId) {
        Document document = documents.findByApplicationIdAndKind(loanId, DocumentKind.SETTLEMENT_CERTIFICATE)
                .filter(d -> !ActingCustomer.isCustomerScoped() || ActingCustomer.require().equals(d.customerId()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "settlement-certificate-not-issued",
                        "Settlement certificate not found", "no settlement certificate has been issued for loan "
                        + loanId + "; it is issued shortly after the loan is fully repaid"));
        return DocumentController.download(document, audit);
    }
}
