-- One database per service, owned by the lendflow user. PostgreSQL's image runs this once,
-- when it initialises an empty data volume (docker compose down -v to start over).
-- Each service creates its own tables with Flyway on startup.
CREATE DATABASE lendflow_loan_order OWNER lendflow;
CREATE DATABASE lendflow_limit OWNER lendflow;
CREATE DATABASE lendflow_antifraud OWNER lendflow;
CREATE DATABASE lendflow_credit_decision OWNER lendflow;
CREATE DATABASE lendflow_esign OWNER lendflow;
CREATE DATABASE lendflow_marketing OWNER lendflow;
CREATE DATABASE lendflow_funding OWNER lendflow;
CREATE DATABASE lendflow_payment OWNER lendflow;
CREATE DATABASE lendflow_core_ledger OWNER lendflow;
CREATE DATABASE lendflow_reconciliation OWNER lendflow;
CREATE DATABASE lendflow_collection OWNER lendflow;
