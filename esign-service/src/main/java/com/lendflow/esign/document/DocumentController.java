package com.lendflow.esign.document;

import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed documents for their owner (the app backend acting for the customer) and for ops staff.
 * Someone else's document is 404, as if it did not exist. A staff download is audited: the PDF
 * carries the customer's name.
 */
@RestController
@RequestMapping("/api/v1/documents")
@PreAuthorize("hasAuthority('SCOPE_customer') or hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
class DocumentController {

    private final Documents documents;
    private final AuditTrail audit;

    DocumentController(Documents documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    /** The signed PDF (or, for a document Lendflow issues itself, the issued one). */
    @GetMapping("/{id}")
    @Transactional
    ResponseEntity<byte[]> signedPdf(@PathVariable UUID id) {
        Document document = accessible(id);
        if (document.state() != DocumentState.SIGNED && document.state() != DocumentState.ISSUED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "document-not-signed", "Document not signed",
                    "document " + id + " is " + document.state() + "; only a signed document can be downloaded");
        }
        return download(document, audit);
    }

    /** The final PDF with its hash, never cached; a staff download is audited (the PDF carries the customer's name). */
    static ResponseEntity<byte[]> download(Document document, AuditTrail audit) {
        if (!ActingCustomer.isCustomerScoped()) {
            audit.record(AuditEntry.of("document.download", "document", document.id().toString(), null));
        }
        ArchivedDocument archived = document.archived();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(archived.kind().name().toLowerCase() + "-"
                                + document.id() + ".pdf").build().toString())
                .header("X-Content-SHA256", document.finalSha256())
                .header("X-Document-Id", document.id().toString())
                .body(document.finalPdf());
    }

    @GetMapping("/{id}/metadata")
    @Transactional(readOnly = true)
    DocumentView metadata(@PathVariable UUID id) {
        return DocumentView.of(accessible(id).archived());
    }

    private Document accessible(UUID id) {
        Document document = documents.findById(id).orElseThrow(() -> ApiProblem.notFound("Document", id));
        ActingCustomer.mayAccess(document.customerId(), "Document", id);
        return document;
    }
}
