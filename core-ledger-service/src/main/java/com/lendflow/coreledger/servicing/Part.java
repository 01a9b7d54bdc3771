package com.lendflow.coreledger.servicing;

/** What part of a debt a payment settles. CREDIT is money held for the borrower (overpayment). */
enum Part {
    PENALTY, INTEREST, PRINCIPAL, FEE, CREDIT
}
