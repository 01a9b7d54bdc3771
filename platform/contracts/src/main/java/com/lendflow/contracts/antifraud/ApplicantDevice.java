package com.lendflow.contracts.antifraud;

/**
 * The device an application came from, as the app reported it. Latitude and longitude are
 * optional (null when the customer refused location). Emulator and root flags are the app's own
 * detection.
 */
public record ApplicantDevice(String deviceId, String os, String osVersion, String appVersion, String ip,
                              String wifiSsid, String wifiMac, Double latitude, Double longitude,
                              boolean emulator, boolean rooted) {
}
