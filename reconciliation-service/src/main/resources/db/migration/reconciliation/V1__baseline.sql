-- Schema history of reconciliation-service starts here; its tables arrive with the issues that build its features.
select 1;
