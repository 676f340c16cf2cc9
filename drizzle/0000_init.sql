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
