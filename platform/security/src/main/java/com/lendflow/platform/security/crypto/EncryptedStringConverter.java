package com.lendflow.platform.security.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stores a JPA string attribute encrypted by the {@link PersonalDataCipher} and reads it back
 * decrypted:
 *
 * <pre>{@code
 * @Convert(converter = EncryptedStringConverter.class)
 * @Column(name = "id_number", nullable = false)
 * private String idNumber;
 * }</pre>
 *
 * <p><b>How it gets its cipher.</b> Hibernate asks its bean container for every converter, and
 * Spring Boot's Hibernate auto-configuration (4.0, {@code HibernateJpaConfiguration}) installs
 * Spring's {@code SpringBeanContainer}, which builds the converter through the application
 * context ({@code createBean}), injecting the cipher into the constructor below. Each
 * application context thus gets its own cipher: the local stack runs every service in one JVM,
 * which a static holder would share between them. {@code EncryptedStringConverterTest} proves
 * this against a real Hibernate.
 *
 * <p>The no-argument constructor exists only to fail clearly: Hibernate falls back to it when
 * it builds the converter without Spring (an {@code EntityManagerFactory} not built by Spring
 * Boot, or a context without a cipher, such as a JPA test slice that does not import
 * {@code CryptoAutoConfiguration}).
 *
 * <p>Not {@code autoApply}: which attributes are personal data is for each entity to say.
 * Encrypted columns cannot be searched or made unique; pair them with a {@link BlindIndex}.
 */
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private final PersonalDataCipher cipher;

    @Autowired
    public EncryptedStringConverter(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public EncryptedStringConverter() {
        throw new IllegalStateException("EncryptedStringConverter was created without Spring: it needs the "
                + "PersonalDataCipher bean, injected by Spring's Hibernate bean container. Use the EntityManagerFactory "
                + "that Spring Boot builds, with CryptoAutoConfiguration active (lendflow.crypto.* configured).");
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return cipher.decrypt(column);
    }
}
