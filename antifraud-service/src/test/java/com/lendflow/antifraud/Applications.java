package com.lendflow.antifraud;

import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Object Mother for credit applications as loan-order-service sends them: valid, unique devices and IPs. */
public final class Applications {

    private Applications() {
    }

    public static AssessFraudRisk ordinary() {
        return by(UUID.randomUUID(), device());
    }

    public static AssessFraudRisk by(UUID customerId, ApplicantDevice device) {
        return new AssessFraudRisk(UUID.randomUUID(), customerId, "张三", IdNumbers.ordinary(), mobile(), device, Instant.now());
    }

    public static AssessFraudRisk withIdNumber(String idNumber) {
        AssessFraudRisk a = ordinary();
        return new AssessFraudRisk(a.applicationId(), a.customerId(), a.fullName(), idNumber, a.mobile(), a.device(),
                a.appliedAt());
    }

    public static ApplicantDevice device() {
        return device("dev-" + UUID.randomUUID(), mac());
    }

    public static ApplicantDevice device(String deviceId, String wifiMac) {
        return new ApplicantDevice(deviceId, "Android", "14", "5.2.0", ip(), "HomeWifi", wifiMac, 31.23, 121.47, false, false);
    }

    public static ApplicantDevice rooted() {
        ApplicantDevice d = device();
        return new ApplicantDevice(d.deviceId(), d.os(), d.osVersion(), d.appVersion(), d.ip(), d.wifiSsid(), d.wifiMac(),
                d.latitude(), d.longitude(), false, true);
    }

    public static String mac() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "%02X:%02X:%02X:%02X:%02X:%02X".formatted(0x3C, r.nextInt(256), r.nextInt(256), r.nextInt(256),
                r.nextInt(256), r.nextInt(256)).toLowerCase(Locale.ROOT);
    }

    public static String ip() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10.%d.%d.%d".formatted(r.nextInt(256), r.nextInt(256), 1 + r.nextInt(254));
    }

    public static String mobile() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
