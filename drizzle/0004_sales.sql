CREATE TABLE `customer_prices` (
	`customer_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`customer_id`, `product_id`),
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sales_slip_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slip_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	`net_amount` integer NOT NULL,
	`tax_class_id` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	FOREIGN KEY (`slip_id`) REFERENCES `sales_slips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_class_id`) REFERENCES `tax_classes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_slip_lines_qty" CHECK("sales_slip_lines"."quantity" <> 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_slip_lines_no` ON `sales_slip_lines` (`slip_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `sales_slip_lines_product` ON `sales_slip_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `sales_slip_numbers` (
	`department_id` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sales_slip_tax_totals` (
	`slip_id` integer NOT NULL,
	`rate` integer NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`gross` integer NOT NULL,
	PRIMARY KEY(`slip_id`, `rate`),
	FOREIGN KEY (`slip_id`) REFERENCES `sales_slips`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sales_slips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`department_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`date` text NOT NULL,
	`price_mode` text NOT NULL,
	`tax_rounding` text NOT NULL,
	`status` text NOT NULL,
	`seq` integer,
	`slip_no` text,
	`memo` text DEFAULT '' NOT NULL,
	`net` integer NOT NULL,
	`tax` integer NOT NULL,
	`total` integer NOT NULL,
	`invoice_id` integer,
	`confirmed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_slips_total" CHECK("sales_slips"."total" = "sales_slips"."net" + "sales_slips"."tax"),
	CONSTRAINT "sales_slips_numbered" CHECK("sales_slips"."status" = 'draft' or ("sales_slips"."seq" is not null and "sales_slips"."slip_no" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_slips_dept_seq` ON `sales_slips` (`department_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_slips_invoice` ON `sales_slips` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `sales_slips_date` ON `sales_slips` (`date`);--> statement-breakpoint
CREATE INDEX `sales_slips_customer` ON `sales_slips` (`customer_id`);--> statement-breakpoint
ALTER TABLE `shipments` ADD `buyer_code` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `buyer_name` text;