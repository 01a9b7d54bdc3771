package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.loanorder.creditapplication.IpAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * What the app backend sends when a customer taps "borrow". The amount arrives as a JSON string
 * ("100.00", preferred) or number and is read exactly; the product's rules (minimum, whole yuan,
 * terms) are checked by the handler, which knows them.
 */
record DrawdownRequest(
        @NotNull
        @DecimalMin(value = "0.01", message = "must be positive")
        @Digits(integer = 13, fraction = 2, message = "must be CNY in whole fen, at most 13 digits before the point")
        BigDecimal amount,
        @NotNull
        Integer termMonths,
        @NotNull
        RepaymentMethod method,
        @NotNull
        UUID cardId,
        UUID couponId,
        @Valid
        Device device) {

    /** The device the customer borrows from, for the drawdown-time fraud checks. */
    record Device(
            @NotBlank @Size(max = 128) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
            String deviceId,
            @NotBlank @Size(max = 32) String os,
            @NotBlank @Size(max = 32) String osVersion,
            @NotBlank @Size(max = 32) String appVersion,
            @NotNull @IpAddress String ip,
            @Size(max = 64) String wifiSsid,
            @Pattern(regexp = "^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$", message = "must be a MAC address such as 3c:22:fb:1a:9e:01")
            String wifiMac,
            @DecimalMin("-90.0") @DecimalMax("90.0") Double latitude,
            @DecimalMin("-180.0") @DecimalMax("180.0") Double longitude,
            @NotNull Boolean emulator,
            @NotNull Boolean rooted) {

        ApplicantDevice toContract() {
            return new ApplicantDevice(deviceId, os, osVersion, appVersion, ip, wifiSsid,
                    wifiMac == null ? null : wifiMac.toLowerCase(Locale.ROOT).replace('-', ':'), latitude, longitude,
                    emulator, rooted);
        }
    }
}
