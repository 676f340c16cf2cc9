CREATE TABLE `bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`bank_name` text NOT NULL,
	`branch_name` text NOT NULL,
	`account_type` text NOT NULL,
	`account_number` text NOT NULL,
	`holder` text NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_code_unique` ON `bank_accounts` (`code`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`billing_type` text,
	`closing_day` integer,
	`tax_display` text,
	`confirmed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_code_unique` ON `partners` (`code`);--> statement-breakpoint
CREATE INDEX `partners_kind` ON `partners` (`kind`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`variation_h` text DEFAULT '' NOT NULL,
	`variation_v` text DEFAULT '' NOT NULL,
	`sku_code` text,
	`name` text NOT NULL,
	`unit_quantity` integer DEFAULT 1 NOT NULL,
	`inventory_tracked` integer DEFAULT true NOT NULL,
	`tax_class_id` integer,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`jan_code` text,
	`confirmed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_code_variation` ON `products` (`code`,`variation_h`,`variation_v`);--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_code` ON `products` (`sku_code`);--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `tax_classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`rate` integer NOT NULL,
	`kind` text NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "tax_classes_rate_range" CHECK("tax_classes"."rate" between 0 and 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_classes_code_unique` ON `tax_classes` (`code`);--> statement-breakpoint
CREATE TABLE `workflows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflows_code_unique` ON `workflows` (`code`);--> statement-breakpoint
CREATE TABLE `app_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ec_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`platform` text DEFAULT 'Bカート' NOT NULL,
	`department_id` integer,
	`warehouse_id` integer,
	`default_customer_id` integer,
	`bank_account_id` integer,
	`standard_tax_class_id` integer,
	`reduced_tax_class_id` integer,
	`exempt_tax_class_id` integer,
	`shipping_fee_product_id` integer,
	`discount_product_id` integer,
	`import_start_date` text,
	`product_link_same_code` integer DEFAULT true NOT NULL,
	`shipment_workflow_id` integer,
	`invoice_workflow_id` integer,
	`api_base_url` text DEFAULT 'https://api.bcart.jp/api/v1' NOT NULL,
	`oauth_authorize_url` text,
	`oauth_token_url` text,
	`oauth_client_id` text,
	`rate_budget` integer DEFAULT 250 NOT NULL,
	`tax_rounding` text DEFAULT 'floor' NOT NULL,
	`cancel_statuses` text DEFAULT '["キャンセル"]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`default_customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standard_tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reduced_tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exempt_tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shipping_fee_product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`discount_product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shipment_workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payment_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer NOT NULL,
	`payment_name` text NOT NULL,
	`rule_kind` text NOT NULL,
	`customer_code` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_rules_setting_name` ON `payment_rules` (`ec_setting_id`,`payment_name`);--> statement-breakpoint
CREATE TABLE `product_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer NOT NULL,
	`bcart_set_id` integer NOT NULL,
	`bcart_product_no` text DEFAULT '' NOT NULL,
	`bcart_set_name` text DEFAULT '' NOT NULL,
	`bcart_jan_code` text DEFAULT '' NOT NULL,
	`bcart_quantity` integer,
	`product_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_links_setting_set` ON `product_links` (`ec_setting_id`,`bcart_set_id`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	`tax_class_id` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	`tax_included` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_no` ON `invoice_lines` (`invoice_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `invoice_tax_totals` (
	`invoice_id` integer NOT NULL,
	`rate` integer NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`gross` integer NOT NULL,
	`app_tax` integer NOT NULL,
	PRIMARY KEY(`invoice_id`, `rate`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer,
	`department_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`workflow_id` integer,
	`confirmed` integer DEFAULT true NOT NULL,
	`total` integer NOT NULL,
	`bcart_order_id` integer,
	`bcart_order_code` text,
	`import_run_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_bcart_order` ON `invoices` (`bcart_order_id`);--> statement-breakpoint
CREATE INDEX `invoices_date` ON `invoices` (`date`);--> statement-breakpoint
CREATE TABLE `shipment_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	`tax_class_id` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	`tax_included` integer DEFAULT false NOT NULL,
	`bcart_order_product_id` integer,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_lines_no` ON `shipment_lines` (`shipment_id`,`line_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_lines_bcart` ON `shipment_lines` (`bcart_order_product_id`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer,
	`department_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`date` text NOT NULL,
	`workflow_id` integer,
	`confirmed` integer DEFAULT true NOT NULL,
	`amount` integer NOT NULL,
	`bcart_order_id` integer,
	`bcart_order_code` text,
	`bcart_logistics_id` integer,
	`import_run_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_bcart_logistics` ON `shipments` (`bcart_logistics_id`);--> statement-breakpoint
CREATE INDEX `shipments_date` ON `shipments` (`date`);--> statement-breakpoint
CREATE INDEX `shipments_bcart_order` ON `shipments` (`bcart_order_id`);--> statement-breakpoint
CREATE TABLE `stock_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`warehouse_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`source_type` text NOT NULL,
	`source_id` integer NOT NULL,
	`date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`warehouse_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_ledger_nonzero" CHECK("stock_ledger"."quantity" <> 0)
);
--> statement-breakpoint
CREATE INDEX `stock_ledger_wh_product` ON `stock_ledger` (`warehouse_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer,
	`trigger` text NOT NULL,
	`dry_run` integer DEFAULT false NOT NULL,
	`window_from` text,
	`window_to` text,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`orders_fetched` integer DEFAULT 0 NOT NULL,
	`shipments_created` integer DEFAULT 0 NOT NULL,
	`invoices_created` integer DEFAULT 0 NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`api_calls` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`warning_count` integer DEFAULT 0 NOT NULL,
	`message` text,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_runs_setting` ON `import_runs` (`ec_setting_id`,`id`);--> statement-breakpoint
CREATE TABLE `import_watch` (
	`ec_setting_id` integer NOT NULL,
	`bcart_order_id` integer NOT NULL,
	`bcart_order_code` text NOT NULL,
	`reason` text NOT NULL,
	`first_seen_run_id` integer,
	`last_checked_at` text NOT NULL,
	PRIMARY KEY(`ec_setting_id`, `bcart_order_id`),
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `system_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer,
	`source` text NOT NULL,
	`level` text NOT NULL,
	`order_code` text,
	`code` text,
	`message` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `system_logs_run` ON `system_logs` (`run_id`);--> statement-breakpoint
CREATE INDEX `system_logs_level` ON `system_logs` (`level`,`id`);--> statement-breakpoint
CREATE TABLE `schedule_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`job_type` text NOT NULL,
	`weekdays` text NOT NULL,
	`times` text NOT NULL,
	`skip_holidays` integer DEFAULT true NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_checked_at` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schedule_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`import_run_ids` text DEFAULT '[]' NOT NULL,
	`message` text,
	FOREIGN KEY (`job_id`) REFERENCES `schedule_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `schedule_runs_job` ON `schedule_runs` (`job_id`,`id`);--> statement-breakpoint
CREATE TABLE `admin_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action` text NOT NULL,
	`message` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rate_change_events` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`effective_date` text NOT NULL,
	`old_standard` integer NOT NULL,
	`new_standard` integer NOT NULL,
	`old_reduced` integer NOT NULL,
	`new_reduced` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscription_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`customer_code` text NOT NULL,
	`status` text NOT NULL,
	`order_processed` integer DEFAULT false NOT NULL,
	`standard_rate` integer NOT NULL,
	`reduced_rate` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_applications_code_unique` ON `subscription_applications` (`code`);--> statement-breakpoint
CREATE INDEX `subscription_applications_status` ON `subscription_applications` (`status`,`standard_rate`);--> statement-breakpoint
CREATE TABLE `subscription_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_code` text NOT NULL,
	`variation_h` text DEFAULT '' NOT NULL,
	`variation_v` text DEFAULT '' NOT NULL,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`first_price` integer NOT NULL,
	`regular_price` integer NOT NULL,
	`last_price` integer NOT NULL,
	`tax_included` integer NOT NULL,
	`tax_rate_type` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `subscription_applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_items_line` ON `subscription_items` (`application_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `subscription_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`name` text NOT NULL,
	`price` integer NOT NULL,
	`tax_included` integer NOT NULL,
	`tax_rate_type` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `subscription_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_options_line` ON `subscription_options` (`item_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `tax_update_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`application_code` text NOT NULL,
	`product_code` text NOT NULL,
	`variation` text NOT NULL,
	`field` text NOT NULL,
	`option_name` text,
	`old_value` text NOT NULL,
	`new_value` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `tax_update_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tax_update_changes_run` ON `tax_update_changes` (`run_id`);--> statement-breakpoint
CREATE TABLE `tax_update_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rate_event_id` text NOT NULL,
	`rounding` text NOT NULL,
	`targets` integer NOT NULL,
	`changed_applications` integer NOT NULL,
	`changed_prices` integer NOT NULL,
	`backup_file` text,
	`executed_at` text NOT NULL,
	`restored_at` text,
	FOREIGN KEY (`rate_event_id`) REFERENCES `rate_change_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_update_runs_event` ON `tax_update_runs` (`rate_event_id`);