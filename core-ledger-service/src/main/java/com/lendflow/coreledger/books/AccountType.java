package com.lendflow.coreledger.books;

public enum AccountType {
    ASSET, LIABILITY, INCOME, EXPENSE
}
