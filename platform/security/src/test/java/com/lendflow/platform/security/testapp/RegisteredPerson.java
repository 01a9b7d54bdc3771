package com.lendflow.platform.security.testapp;

import com.lendflow.platform.security.crypto.EncryptedStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person stored the way services store customers: encrypted name and ID number, searchable by blind index. */
@Entity
@Table(name = "registered_person")
public class RegisteredPerson {

    @Id
    private UUID id;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "name", nullable = false)
    private String name;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "id_number", nullable = false)
    private String idNumber;

    @Column(name = "id_number_index", nullable = false, unique = true)
    private String idNumberIndex;

    protected RegisteredPerson() {
    }

    public RegisteredPerson(UUID id, String name, String idNumber, String idNumberIndex) {
        this.id = id;
        this.name = name;
        this.idNumber = idNumber;
        this.idNumberIndex = idNumberIndex;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
    }
}
