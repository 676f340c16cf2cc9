CREATE TABLE `stock_migrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer NOT NULL,
	`date` text NOT NULL,
	`rows` integer NOT NULL,
	`applied_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_migrations_setting` ON `stock_migrations` (`ec_setting_id`);--> statement-breakpoint
CREATE TABLE `stock_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`product_no` text NOT NULL,
	`set_id` integer,
	`delta` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`claim_id` text,
	`stock_before` integer,
	`stock_after` integer,
	`read_at` text,
	`sources` text DEFAULT '[]' NOT NULL,
	`sent_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_outbox_setting_status` ON `stock_outbox` (`ec_setting_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `stock_outbox_setting_product` ON `stock_outbox` (`ec_setting_id`,`product_id`,`status`);--> statement-breakpoint
CREATE INDEX `stock_outbox_claim` ON `stock_outbox` (`claim_id`);--> statement-breakpoint
CREATE TABLE `stock_settings` (
	`ec_setting_id` integer PRIMARY KEY NOT NULL,
	`push_route` text DEFAULT 'product_sets' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_slip_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slip_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`book_quantity` integer,
	FOREIGN KEY (`slip_id`) REFERENCES `stock_slips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_slip_lines_qty" CHECK("stock_slip_lines"."quantity" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_slip_lines_no` ON `stock_slip_lines` (`slip_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `stock_slip_lines_product` ON `stock_slip_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `stock_slips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`warehouse_id` integer NOT NULL,
	`to_warehouse_id` integer,
	`supplier_id` integer,
	`department_id` integer,
	`workflow_id` integer,
	`memo` text DEFAULT '' NOT NULL,
	`confirmed` integer DEFAULT false NOT NULL,
	`confirmed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`warehouse_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_warehouse_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_slips_transfer_to" CHECK(("stock_slips"."kind" = 'transfer') = ("stock_slips"."to_warehouse_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `stock_slips_date` ON `stock_slips` (`date`);--> statement-breakpoint
CREATE INDEX `stock_slips_kind` ON `stock_slips` (`kind`,`id`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL,
	`heartbeat_at` text NOT NULL,
	`acquired_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_links_setting_product` ON `product_links` (`ec_setting_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `stock_ledger_source` ON `stock_ledger` (`source_type`,`source_id`);