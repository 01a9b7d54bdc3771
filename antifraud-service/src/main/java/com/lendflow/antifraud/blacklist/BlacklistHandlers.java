package com.lendflow.antifraud.blacklist;

import com.lendflow.antifraud.ActingStaff;
import com.lendflow.antifraud.identity.Identifiers;
import com.lendflow.platform.security.audit.AuditActorSource;
import com.lendflow.platform.security.audit.AuditEntry;
import com.lendflow.platform.security.audit.AuditTrail;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adding to and removing from the blacklist: each an audited change, the value masked in the record. */
@Component
class BlacklistHandlers {

    private final Blacklist blacklist;
    private final Identifiers identifiers;
    private final AuditTrail audit;
    private final AuditActorSource actors;
    private final Clock clock;

    BlacklistHandlers(Blacklist blacklist, Identifiers identifiers, AuditTrail audit, AuditActorSource actors, Clock clock) {
        this.blacklist = blacklist;
        this.identifiers = identifiers;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public BlacklistEntryView add(AddToBlacklist command) {
        String normalised = command.kind().identifier().normalise(command.value())
                .orElseThrow(() -> new InvalidRequest(List.of(new FieldViolation("value", "format",
                        "must be " + command.kind().identifier().expectedFormat()))));
        String index = identifiers.indexOfNormalised(command.kind().identifier(), normalised);
        if (blacklist.find(command.kind(), index).isPresent()) {
            throw ApiProblem.conflict("already-blacklisted", "this " + command.kind() + " is already on the blacklist");
        }
        BlacklistEntry entry = new BlacklistEntry(UUID.randomUUID(), command.kind(), index,
                command.kind().identifier().mask(normalised), command.reason(), ActingStaff.name(actors), clock.instant());
        blacklist.add(entry);
        BlacklistEntryView view = BlacklistEntryView.of(entry);
        audit.record(new AuditEntry("blacklist.add", "blacklist-entry", entry.id().toString(), null, view.snapshot(),
                command.reason()));
        return view;
    }

    @Transactional
    public void remove(RemoveFromBlacklist command) {
        BlacklistEntry entry = blacklist.find(command.id())
                .orElseThrow(() -> ApiProblem.notFound("Blacklist entry", command.id()));
        blacklist.remove(entry.id());
        audit.record(new AuditEntry("blacklist.remove", "blacklist-entry", entry.id().toString(),
                BlacklistEntryView.of(entry).snapshot(), null, command.reason()));
    }

    record AddToBlacklist(BlacklistKind kind, String value, String reason) {

        @Override
        public String toString() {
            return "AddToBlacklist[kind=" + kind + ", reason=" + reason + "]";
        }
    }

    record RemoveFromBlacklist(UUID id, String reason) {
    }
}
