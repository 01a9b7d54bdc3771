package com.lendflow.loanorder.customer;

/** Register a customer with their real-name data. */
public record RegisterCustomer(String name, String mobile, String idNumber) {
}
