package com.lendflow.loanorder.customer;

import com.lendflow.contracts.customer.CustomerRegistered;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer")
class Customer {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String mobile;

    @Column(name = "id_number", nullable = false)
    private String idNumber;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Customer() {
    }

    private Customer(UUID id, String name, String mobile, String idNumber, Instant registeredAt) {
        this.id = id;
        this.name = name;
        this.mobile = mobile;
        this.idNumber = idNumber;
        this.registeredAt = registeredAt;
    }

    static Customer register(RegisterCustomer command, Instant now) {
        return new Customer(UUID.randomUUID(), command.name(), command.mobile(), command.idNumber(), now);
    }

    CustomerRegistered registered() {
        return new CustomerRegistered(id, registeredAt);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String mobile() {
        return mobile;
    }

    String idNumber() {
        return idNumber;
    }

    Instant registeredAt() {
        return registeredAt;
    }
}
