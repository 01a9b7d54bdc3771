package com.lendflow.antifraud.blacklist;

import com.lendflow.antifraud.identity.IdentifierKind;

/** What can be blacklisted. */
public enum BlacklistKind {
    ID_NUMBER(IdentifierKind.ID_NUMBER),
    MOBILE(IdentifierKind.MOBILE),
    DEVICE(IdentifierKind.DEVICE),
    WIFI_MAC(IdentifierKind.WIFI_MAC);

    private final IdentifierKind identifier;

    BlacklistKind(IdentifierKind identifier) {
        this.identifier = identifier;
    }

    public IdentifierKind identifier() {
        return identifier;
    }
}
