package com.lendflow.antifraud.identity;

import com.lendflow.platform.security.crypto.BlindIndex;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns identifiers into the blind indexes every table of this service stores instead of the values. */
@Component
public class Identifiers {

    private final BlindIndex index;

    Identifiers(BlindIndex index) {
        this.index = index;
    }

    /** The blind index of {@code raw} as a {@code kind}, or empty if it is not a usable value of that kind. */
    public Optional<String> indexOf(IdentifierKind kind, String raw) {
        // The kind is part of the indexed text, so equal strings of two kinds never meet in the graph.
        return kind.normalise(raw).map(value -> index.of(kind.name() + ":" + value));
    }

    /** The blind index of an IP address, for velocity counts; empty when the app sent none. */
    public Optional<String> indexOfIp(String ip) {
        return ip == null || ip.isBlank() || ip.strip().length() > 64 ? Optional.empty()
                : Optional.of(index.of("IP:" + ip.strip()));
    }

    /** The index of a value already known to be usable. */
    public String indexOfNormalised(IdentifierKind kind, String normalised) {
        return index.of(kind.name() + ":" + normalised);
    }
}
