-- Schema history of payment-service starts here; its tables arrive with the issues that build its features.
select 1;
