package com.lendflow.antifraud.blacklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The blacklist for ops staff. Everyone on ops may read it (values masked); risk analysts and
 * administrators maintain it, each change audited with a reason.
 */
@RestController
@Validated
@RequestMapping("/ops/v1/antifraud/blacklist")
class BlacklistOpsController {

    private final Blacklist blacklist;
    private final BlacklistHandlers handlers;

    BlacklistOpsController(Blacklist blacklist, BlacklistHandlers handlers) {
        this.blacklist = blacklist;
        this.handlers = handlers;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    List<BlacklistEntryView> entries(@RequestParam(name = "kind", required = false) BlacklistKind kind,
                                     @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                     @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        return blacklist.list(kind, size, page * size).stream().map(BlacklistEntryView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'ADMIN')")
    BlacklistEntryView entry(@PathVariable UUID id) {
        return blacklist.find(id).map(BlacklistEntryView::of)
                .orElseThrow(() -> com.lendflow.platform.web.ApiProblem.notFound("Blacklist entry", id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    ResponseEntity<BlacklistEntryView> add(@Valid @RequestBody AddRequest request) {
        BlacklistEntryView added = handlers.add(new BlacklistHandlers.AddToBlacklist(request.kind(), request.value(),
                request.reason()));
        return ResponseEntity.created(URI.create("/ops/v1/antifraud/blacklist/" + added.id())).body(added);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'ADMIN')")
    ResponseEntity<Void> remove(@PathVariable UUID id,
                                @RequestParam(name = "reason", required = false) String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidRequest(List.of(new FieldViolation("reason", "NotBlank",
                    "a reason of 1 to 500 characters is required to remove an entry")));
        }
        handlers.remove(new BlacklistHandlers.RemoveFromBlacklist(id, reason));
        return ResponseEntity.noContent().build();
    }

    /** The value is personal data (ID number, mobile): {@link #toString()} leaves it out of any log line. */
    record AddRequest(@NotNull BlacklistKind kind, @NotBlank @Size(max = 128) String value,
                      @NotBlank @Size(max = 500) String reason) {

        @Override
        public String toString() {
            return "AddRequest[kind=" + kind + ", reason=" + reason + "]";
        }
    }
}
