package com.lendflow.esign.document;

public enum DocumentKind {
    /** 征信授权书: the customer's consent to credit-bureau queries, signed before any query is made. */
    CREDIT_AUTHORISATION
}
