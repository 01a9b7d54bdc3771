package com.lendflow.esign.contract;

/** A SignLoanContract the contract cannot be drawn up from; the reason names the field and the rule. */
class InvalidContractCommand extends RuntimeException {

    InvalidContractCommand(String reason) {
        super(reason, null, false, false);
    }
}
