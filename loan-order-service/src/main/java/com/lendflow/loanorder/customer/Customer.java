package com.lendflow.loanorder.customer;

import com.lendflow.contracts.customer.CustomerRegistered;
import com.lendflow.platform.security.crypto.BlindIndex;
import com.lendflow.platform.security.crypto.EncryptedStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer. Name, mobile and ID number are stored only encrypted (AES-GCM, key id in each
 * value); the ID number's blind index makes "already registered?" a lookup on a unique column.
 */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    private UUID id;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "name_encrypted", nullable = false)
    private String name;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "mobile_encrypted", nullable = false)
    private String mobile;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "id_number_encrypted", nullable = false)
    private String idNumber;

    @Column(name = "id_number_index", nullable = false, updatable = false)
    private String idNumberIndex;

    @Column(name = "mobile_index", nullable = false, updatable = false)
    private String mobileIndex;

    @Column(name = "name_index", nullable = false, updatable = false)
    private String nameIndex;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected Customer() {
    }

    private Customer(UUID id, String name, String mobile, String idNumber, String idNumberIndex, String mobileIndex,
                     String nameIndex, Instant registeredAt) {
        this.id = id;
        this.name = name;
        this.mobile = mobile;
        this.idNumber = idNumber;
        this.idNumberIndex = idNumberIndex;
        this.mobileIndex = mobileIndex;
        this.nameIndex = nameIndex;
        this.registeredAt = registeredAt;
    }

    /** {@code index} computes the blind indexes the customer is looked up by (ID number, mobile, name). */
    static Customer register(RegisterCustomer command, BlindIndex index, Instant now) {
        return new Customer(UUID.randomUUID(), command.name(), command.mobile(), command.idNumber(),
                index.of(command.idNumber()), index.of(command.mobile()), index.of(command.name()), now);
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
