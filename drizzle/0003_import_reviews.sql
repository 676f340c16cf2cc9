CREATE TABLE `import_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ec_setting_id` integer NOT NULL,
	`bcart_order_id` integer NOT NULL,
	`bcart_order_code` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`since` text NOT NULL,
	`run_id` integer,
	`resolution` text,
	`resolution_note` text,
	`resolved_at` text,
	`invoice_id` integer,
	FOREIGN KEY (`ec_setting_id`) REFERENCES `ec_settings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_reviews_order_reason` ON `import_reviews` (`ec_setting_id`,`bcart_order_id`,`reason`);--> statement-breakpoint
CREATE INDEX `import_reviews_open` ON `import_reviews` (`resolution`,`since`);