CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`credit_kind` text NOT NULL,
	`credit_id` integer NOT NULL,
	`debit_kind` text NOT NULL,
	`debit_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_amount_positive" CHECK("allocations"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `allocations_credit` ON `allocations` (`credit_kind`,`credit_id`);--> statement-breakpoint
CREATE INDEX `allocations_debit` ON `allocations` (`debit_kind`,`debit_id`);--> statement-breakpoint
CREATE INDEX `allocations_customer` ON `allocations` (`customer_id`);--> statement-breakpoint
CREATE TABLE `company_bank_accounts` (
	`bank_account_id` integer PRIMARY KEY NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `company_info` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`postal_code` text,
	`address1` text,
	`address2` text,
	`phone` text,
	`registration_number` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "company_info_single_row" CHECK("company_info"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `payment_lines` (
	`payment_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`payment_id`, `line_no`),
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "payment_lines_amount_positive" CHECK("payment_lines"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`total` integer NOT NULL,
	`memo` text,
	`confirmed` integer DEFAULT true NOT NULL,
	`statement_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_total_positive" CHECK("payments"."total" > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_customer_date` ON `payments` (`customer_id`,`date`);--> statement-breakpoint
CREATE TABLE `statement_invoices` (
	`statement_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`statement_id`, `invoice_id`),
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statement_invoices_invoice` ON `statement_invoices` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `statement_tax_rows` (
	`statement_id` integer NOT NULL,
	`rate` integer NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`invoice_tax` integer NOT NULL,
	PRIMARY KEY(`statement_id`, `rate`),
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`closing_date` text NOT NULL,
	`period_from` text NOT NULL,
	`closing_day` integer,
	`previous` integer NOT NULL,
	`received` integer NOT NULL,
	`carried_over` integer NOT NULL,
	`sales_net` integer NOT NULL,
	`sales_tax` integer NOT NULL,
	`sales_total` integer NOT NULL,
	`tax_adjustment` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`due_date` text NOT NULL,
	`tax_unit` text NOT NULL,
	`tax_rounding` text NOT NULL,
	`needs_review` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "statements_total" CHECK("statements"."total" = "statements"."carried_over" + "statements"."sales_total"),
	CONSTRAINT "statements_carried" CHECK("statements"."carried_over" = "statements"."previous" - "statements"."received")
);
--> statement-breakpoint
CREATE INDEX `statements_customer_date` ON `statements` (`customer_id`,`closing_date`);--> statement-breakpoint
CREATE INDEX `statements_closing_date` ON `statements` (`closing_date`);--> statement-breakpoint
ALTER TABLE `partners` ADD `postal_code` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `address1` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `address2` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `registration_number` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `collect_months` integer;--> statement-breakpoint
ALTER TABLE `partners` ADD `collect_day` integer;--> statement-breakpoint
ALTER TABLE `partners` ADD `holiday_shift` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `tax_unit` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `tax_rounding` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `no_statement` integer;--> statement-breakpoint
ALTER TABLE `partners` ADD `opening_balance` integer;