package com.lendflow.antifraud.rules;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about one application when the rules run. The counts include the application
 * itself. {@code idNumber} is here only for the checksum and the birth date; nothing the engine
 * returns repeats it.
 *
 * @param applicationDate       the application's date in China, against which age is counted
 * @param idNumber              the applicant's resident ID number as given
 * @param blacklisted           which of the applicant's identifiers are on the blacklist
 * @param deviceApplications    applications from this device within the DEVICE_VELOCITY window
 * @param ipApplications        applications from this IP address within the IP_VELOCITY window
 * @param identitiesOnDevice    distinct customers who used this device
 * @param wifiMacSharedWithFraud whether a known fraudster used the same Wi-Fi access point
 * @param emulator              the app's own emulator detection
 * @param rooted                the app's own root/jailbreak detection
 * @param fraudsterLink         the nearest known fraudster within the search bound, if any
 */
public record Facts(LocalDate applicationDate, String idNumber, Set<BlacklistHit> blacklisted, int deviceApplications,
                    int ipApplications, int identitiesOnDevice, boolean wifiMacSharedWithFraud, boolean emulator,
                    boolean rooted, Optional<FraudsterLink> fraudsterLink) {

    public Facts {
        blacklisted = Set.copyOf(blacklisted);
        fraudsterLink = fraudsterLink == null ? Optional.empty() : fraudsterLink;
    }

    @Override
    public String toString() {
        return "Facts[applicationDate=" + applicationDate + ", blacklisted=" + blacklisted + ", deviceApplications="
                + deviceApplications + ", ipApplications=" + ipApplications + ", identitiesOnDevice=" + identitiesOnDevice
                + ", wifiMacSharedWithFraud=" + wifiMacSharedWithFraud + ", emulator=" + emulator + ", rooted=" + rooted
                + ", fraudsterLink=" + fraudsterLink + "]";
    }

    /** Which identifier of the applicant matched a blacklist entry. */
    public enum BlacklistHit {
        ID_NUMBER,
        MOBILE,
        DEVICE,
        WIFI_MAC
    }

    /**
     * The nearest known fraudster: {@code hops} customer-to-customer steps away (0 when the
     * applicant is one), first reached through a shared {@code via} (DEVICE, MOBILE, WIFI_MAC, BANK_CARD).
     */
    public record FraudsterLink(int hops, String via) {
    }
}
