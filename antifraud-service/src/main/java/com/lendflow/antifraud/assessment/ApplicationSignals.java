package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.blacklist.Blacklist;
import com.lendflow.antifraud.blacklist.BlacklistKind;
import com.lendflow.antifraud.graph.FraudsterSearch;
import com.lendflow.antifraud.graph.IdentityLinks;
import com.lendflow.antifraud.identity.IdentifierKind;
import com.lendflow.antifraud.identity.Identifiers;
import com.lendflow.antifraud.rules.Facts;
import com.lendflow.antifraud.rules.RuleBook;
import com.lendflow.antifraud.rules.RuleCode;
import com.lendflow.antifraud.rules.RuleSetting;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Puts one application on record (application log, graph links) and gathers the facts the rules
 * need: blacklist hits, velocity counts, identities on the device, the nearest known fraudster.
 * Runs in the assessment's transaction. Only rules that are on cost a query.
 */
@Component
class ApplicationSignals {

    /** Ages and business dates in Lendflow are counted in China's time zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Identifiers identifiers;
    private final ApplicationLog applications;
    private final IdentityLinks links;
    private final Blacklist blacklist;
    private final FraudsterSearch fraudsters;

    ApplicationSignals(Identifiers identifiers, ApplicationLog applications, IdentityLinks links, Blacklist blacklist,
                       FraudsterSearch fraudsters) {
        this.identifiers = identifiers;
        this.applications = applications;
        this.links = links;
        this.blacklist = blacklist;
        this.fraudsters = fraudsters;
    }

    Facts record(AssessFraudRisk command, Instant appliedAt, RuleBook book) {
        ApplicantDevice device = command.device();
        Optional<String> deviceIndex = device == null ? Optional.empty()
                : identifiers.indexOf(IdentifierKind.DEVICE, device.deviceId());
        Optional<String> macIndex = device == null ? Optional.empty()
                : identifiers.indexOf(IdentifierKind.WIFI_MAC, device.wifiMac());
        Optional<String> ipIndex = device == null ? Optional.empty() : identifiers.indexOfIp(device.ip());
        Optional<String> mobileIndex = identifiers.indexOf(IdentifierKind.MOBILE, command.mobile());
        Optional<String> idIndex = identifiers.indexOf(IdentifierKind.ID_NUMBER, command.idNumber());

        applications.record(command.applicationId(), command.customerId(), deviceIndex.orElse(null), ipIndex.orElse(null),
                appliedAt);
        deviceIndex.ifPresent(index -> links.link(command.customerId(), IdentifierKind.DEVICE, index, appliedAt));
        macIndex.ifPresent(index -> links.link(command.customerId(), IdentifierKind.WIFI_MAC, index, appliedAt));
        mobileIndex.ifPresent(index -> links.link(command.customerId(), IdentifierKind.MOBILE, index, appliedAt));

        Map<BlacklistKind, String> identifiersToCheck = new EnumMap<>(BlacklistKind.class);
        idIndex.ifPresent(index -> identifiersToCheck.put(BlacklistKind.ID_NUMBER, index));
        mobileIndex.ifPresent(index -> identifiersToCheck.put(BlacklistKind.MOBILE, index));
        deviceIndex.ifPresent(index -> identifiersToCheck.put(BlacklistKind.DEVICE, index));
        macIndex.ifPresent(index -> identifiersToCheck.put(BlacklistKind.WIFI_MAC, index));
        Set<Facts.BlacklistHit> hits = EnumSet.noneOf(Facts.BlacklistHit.class);
        blacklist.hits(identifiersToCheck).forEach(kind -> hits.add(Facts.BlacklistHit.valueOf(kind.name())));

        int deviceApplications = book.enabled(RuleCode.DEVICE_VELOCITY)
                .map(rule -> applications.fromDevice(deviceIndex.orElse(null), appliedAt, window(rule)))
                .orElse(0);
        int ipApplications = book.enabled(RuleCode.IP_VELOCITY)
                .map(rule -> applications.fromIp(ipIndex.orElse(null), appliedAt, window(rule)))
                .orElse(0);
        int identitiesOnDevice = book.enabled(RuleCode.DEVICE_SHARED_BY_IDENTITIES).isPresent() && deviceIndex.isPresent()
                ? links.customersOn(IdentifierKind.DEVICE, deviceIndex.get()) : 0;
        boolean macSharedWithFraud = book.enabled(RuleCode.WIFI_MAC_SHARED_WITH_FRAUD).isPresent() && macIndex.isPresent()
                && links.usedByKnownFraudster(IdentifierKind.WIFI_MAC, macIndex.get());
        Optional<Facts.FraudsterLink> fraudsterLink = book.enabled(RuleCode.FRAUD_GRAPH_PROXIMITY)
                .flatMap(rule -> fraudsters.nearest(command.customerId(), rule.param("maxHops"), rule.param("maxNodeDegree")));

        return new Facts(appliedAt.atZone(CHINA).toLocalDate(), command.idNumber(), hits, deviceApplications,
                ipApplications, identitiesOnDevice, macSharedWithFraud, device != null && device.emulator(),
                device != null && device.rooted(), fraudsterLink);
    }

    private static Duration window(RuleSetting rule) {
        return Duration.ofMinutes(rule.param("windowMinutes"));
    }
}
