package com.lendflow.esign.contract;

import com.lendflow.contracts.esign.SignLoanContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What a loan contract prints, checked: amounts in whole fen, a rate within the legal cap, a
 * known repayment method, due dates in order. The saga computed these numbers; the contract
 * only refuses ones no borrower could be asked to sign. {@link #toString()} leaves the identity out.
 */
record LoanContractTerms(UUID drawdownId, UUID customerId, String fullName, String idNumber, BigDecimal amount,
                         int termMonths, String method, BigDecimal annualRate, BigDecimal totalInterest,
                         BigDecimal firstInstallment, LocalDate firstDueDate, LocalDate lastDueDate,
                         String fundingPartnerName, LocalDate signedOn) {

    /** The legal cap on an annual rate (24%). */
    private static final BigDecimal RATE_CAP = new BigDecimal("0.24");

    /** @throws InvalidContractCommand naming the first field at fault */
    static LoanContractTerms of(SignLoanContract command, Set<String> methods) {
        if (command.customerId() == null) {
            throw new InvalidContractCommand("customerId is missing");
        }
        String name = text(command.fullName(), "fullName");
        String idNumber = text(command.idNumber(), "idNumber");
        BigDecimal amount = money(command.amount(), "amount", false);
        if (command.termMonths() < 1 || command.termMonths() > 60) {
            throw new InvalidContractCommand("termMonths must be between 1 and 60, was " + command.termMonths());
        }
        if (command.method() == null || !methods.contains(command.method())) {
            throw new InvalidContractCommand("method must be one of " + methods.stream().sorted().toList() + ", was "
                    + shown(command.method()));
        }
        BigDecimal rate = decimal(command.annualRate(), "annualRate");
        if (rate.signum() <= 0 || rate.compareTo(RATE_CAP) > 0) {
            throw new InvalidContractCommand("annualRate must be above 0 and at most 0.24 (the legal cap), was "
                    + shown(command.annualRate()));
        }
        BigDecimal totalInterest = money(command.totalInterest(), "totalInterest", true);
        BigDecimal firstInstallment = money(command.firstInstallment(), "firstInstallment", false);
        if (command.firstDueDate() == null) {
            throw new InvalidContractCommand("firstDueDate is missing");
        }
        if (command.lastDueDate() == null || command.lastDueDate().isBefore(command.firstDueDate())) {
            throw new InvalidContractCommand("lastDueDate must be on or after firstDueDate (" + command.firstDueDate()
                    + "), was " + command.lastDueDate());
        }
        String lender = text(command.fundingPartnerName(), "fundingPartnerName");
        if (command.signedOn() == null) {
            throw new InvalidContractCommand("signedOn is missing");
        }
        return new LoanContractTerms(command.drawdownId(), command.customerId(), name, idNumber, amount,
                command.termMonths(), command.method(), rate, totalInterest, firstInstallment, command.firstDueDate(),
                command.lastDueDate(), lender, command.signedOn());
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidContractCommand(field + " is missing");
        }
        if (value.strip().length() > 100) {
            throw new InvalidContractCommand(field + " is longer than 100 characters");
        }
        return value.strip();
    }

    private static BigDecimal money(String value, String field, boolean zeroAllowed) {
        BigDecimal amount = decimal(value, field);
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            throw new InvalidContractCommand(field + " must be " + (zeroAllowed ? "zero or more" : "positive") + ", was "
                    + shown(value));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidContractCommand(field + " must be whole fen (two decimals), was " + shown(value));
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidContractCommand(field + " is missing");
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.precision() - number.scale() > 17) {
                throw new InvalidContractCommand(field + " is too large, was " + shown(value));
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidContractCommand(field + " is not a decimal number, was '" + shown(value) + "'");
        }
    }

    /** The offending value as a reason may quote it: a command is not trusted to be short. */
    private static String shown(String value) {
        if (value == null) {
            return "missing";
        }
        String text = value.strip();
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }

    @Override
    public String toString() {
        return "LoanContractTerms[drawdownId=" + drawdownId + ", customerId=" + customerId + ", amount=" + amount
                + ", termMonths=" + termMonths + ", method=" + method + "]";
    }
}
