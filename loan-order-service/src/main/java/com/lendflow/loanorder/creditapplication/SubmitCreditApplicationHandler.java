package com.lendflow.loanorder.creditapplication;

import com.lendflow.loanorder.customer.CustomerIdentities;
import com.lendflow.platform.security.access.ActingCustomer;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an application and sends its first command, in one transaction. Everything that can
 * refuse it is checked before anything is written: age, identity, one application at a time.
 */
@Component
class SubmitCreditApplicationHandler {

    private final CreditApplications applications;
    private final CustomerIdentities identities;
    private final CreditApplicationSaga saga;
    private final CreditApplicationSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    SubmitCreditApplicationHandler(CreditApplications applications, CustomerIdentities identities,
                                   CreditApplicationSaga saga, CreditApplicationSettings settings, JsonMapper json,
                                   Clock clock) {
        this.applications = applications;
        this.identities = identities;
        this.saga = saga;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public CreditApplicationView handle(SubmitCreditApplication command) {
        Instant now = clock.instant();
        refuseInvalid(command, LocalDate.ofInstant(now, settings.zone()));
        switch (identities.check(command.customerId(), command.idNumber())) {
            case NOT_REGISTERED -> throw new InvalidRequest(List.of(new FieldViolation(ActingCustomer.HEADER,
                    "registered-customer", "names no registered customer; register the customer before applying")));
            case ID_NUMBER_DIFFERS -> throw new InvalidRequest(List.of(new FieldViolation("idNumber", "matches-customer",
                    "is not the ID number this customer registered with")));
            case MATCHES -> {
            }
        }
        applications.inFlightOf(command.customerId()).ifPresent(running -> {
            throw inFlight(running);
        });
        CreditApplication application = CreditApplication.submit(UUID.randomUUID(), command,
                json.writeValueAsString(command.device()), now, settings);
        saga.follow(application, Reaction.SEND_COMMAND, now);
        return CreditApplicationView.of(application);
    }

    static ApiProblem inFlight(UUID running) {
        return ApiProblem.conflict("application-in-flight", "credit application " + running
                + " of this customer is still running; one application at a time, wait for it to conclude");
    }

    private void refuseInvalid(SubmitCreditApplication command, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        int age = Period.between(birthDateOf(command.idNumber()), today).getYears();
        if (age < settings.minAge() || age > settings.maxAge()) {
            violations.add(new FieldViolation("idNumber", "age-range", "the applicant must be between "
                    + settings.minAge() + " and " + settings.maxAge() + " years old"));
        }
        if ((command.device().latitude() == null) != (command.device().longitude() == null)) {
            violations.add(new FieldViolation(command.device().latitude() == null ? "device.latitude" : "device.longitude",
                    "location-pair", "latitude and longitude come together, or neither"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
    }

    /** The birth date in a resident ID number that has passed {@code @ResidentIdNumber}. */
    private static LocalDate birthDateOf(String idNumber) {
        return LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)), Integer.parseInt(idNumber.substring(10, 12)),
                Integer.parseInt(idNumber.substring(12, 14)));
    }
}
