package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.loanorder.customer.ResidentIdNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * What the app backend sends when a customer taps "activate": real-name data, both consents and
 * a snapshot of the device. Unknown fields are refused by the platform's strict JSON reading.
 */
record CreditApplicationRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "^[\\p{IsHan}·A-Za-z .'-]+$", message = "must contain only letters, Chinese characters, spaces, '·', '.', ''' or '-'")
        String fullName,
        @NotNull
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be an 11-digit mainland mobile number starting with 13-19")
        String mobile,
        @NotNull
        @ResidentIdNumber
        String idNumber,
        @NotNull
        @Valid
        Consents consents,
        @NotNull
        @Valid
        Device device) {

    /** Both must be given, explicitly: a missing consent is not a consent. */
    record Consents(
            @NotNull(message = "must be given: the credit bureau may only be queried with the customer's authorisation")
            @AssertTrue(message = "must be true: the credit bureau may only be queried with the customer's authorisation")
            Boolean creditBureauAuthorisation,
            @NotNull(message = "must be given: the customer must accept the privacy policy")
            @AssertTrue(message = "must be true: the customer must accept the privacy policy")
            Boolean privacyPolicy) {
    }

    /** The device the customer applies from. Wi-Fi fields are absent on mobile data; location when it was refused. */
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
                    wifiMac == null ? null : wifiMac.toLowerCase(java.util.Locale.ROOT).replace('-', ':'),
                    latitude, longitude, emulator, rooted);
        }
    }

    SubmitCreditApplication toCommand(UUID customerId) {
        return new SubmitCreditApplication(customerId, fullName.strip(), mobile, idNumber, device.toContract());
    }

    @Override
    public String toString() {
        return "CreditApplicationRequest[fields withheld: personal data]";
    }
}
