package com.lendflow.esign.authorisation;

import com.lendflow.contracts.esign.SignAuthorisation;
import java.time.LocalDate;
import java.util.UUID;

/** Object Mother for signing commands. */
public final class Applicants {

    public static final String NAME = "张三丰";
    public static final String ID_NUMBER = "110101199003071234";
    public static final String MASKED_ID_NUMBER = "110***********1234";

    private Applicants() {
    }

    public static SignAuthorisation zhangSanfengApplies() {
        return new SignAuthorisation(UUID.randomUUID(), UUID.randomUUID(), NAME, ID_NUMBER, LocalDate.of(2025, 3, 7));
    }
}
