package com.lendflow.loanorder.customer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Customers extends Repository<Customer, UUID> {

    Customer save(Customer customer);

    Optional<Customer> findById(UUID id);

    Page<Customer> findByMobileIndex(String mobileIndex, Pageable page);

    Page<Customer> findByNameIndex(String nameIndex, Pageable page);

    boolean existsByIdNumberIndex(String idNumberIndex);

    @Query("select c.idNumberIndex from Customer c where c.id = :id")
    Optional<String> findIdNumberIndexById(UUID id);
}
