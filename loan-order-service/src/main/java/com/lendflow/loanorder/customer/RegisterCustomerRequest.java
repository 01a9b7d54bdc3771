package com.lendflow.loanorder.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the app backend sends to register a customer. */
public record RegisterCustomerRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "^[\\p{IsHan}·A-Za-z .'-]+$", message = "must contain only letters, Chinese characters, spaces, '·', '.', ''' or '-'")
        String name,
        @NotNull
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be an 11-digit mainland mobile number starting with 13-19")
        String mobile,
        @NotNull
        @ResidentIdNumber
        String idNumber) {

    RegisterCustomer toCommand() {
        return new RegisterCustomer(name.strip(), mobile, idNumber);
    }
}
