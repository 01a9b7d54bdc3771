package com.lendflow.esign.document;

public enum DocumentKind {
    /** 征信授权书: the customer's consent to credit-bureau queries, signed before any query is made. */
    CREDIT_AUTHORISATION,
    /** 借款合同: one drawdown's loan contract between the borrower and the funding partner; its "application" is the drawdown. */
    LOAN_CONTRACT,
    /** 结清证明: issued by Lendflow once a loan is fully repaid; its "application" is the loan. Not provider-signed. */
    SETTLEMENT_CERTIFICATE
}
