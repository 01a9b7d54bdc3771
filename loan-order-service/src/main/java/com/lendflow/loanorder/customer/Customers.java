package com.lendflow.loanorder.customer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Customers extends Repository<Customer, UUID> {

    Customer save(Customer customer);

    Optional<Customer> findById(UUID id);

    boolean existsByIdNumberIndex(String idNumberIndex);

    @Query("select c.idNumberIndex from Customer c where c.id = :id")
    Optional<String> findIdNumberIndexById(UUID id);
}
