-- Schema history of esign-service starts here; its tables arrive with the issues that build its features.
select 1;
