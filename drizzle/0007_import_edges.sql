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
CREATE INDEX `import_reviews_open` ON `import_reviews` (`resolution`,`since`);--> statement-breakpoint
DROP INDEX `invoices_bcart_order`;--> statement-breakpoint
ALTER TABLE `invoices` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `gross_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `bcart_member_id` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `bcart_member_ext_id` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `bcart_member_company` text;--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_setting_bcart_order` ON `invoices` (`ec_setting_id`,`bcart_order_id`);--> statement-breakpoint
DROP INDEX `shipment_lines_bcart`;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `gross_amount` integer;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `ec_setting_id` integer;--> statement-breakpoint
-- Hand-written: every existing line takes its shipment's EC連携設定 before the new index is built, so
-- lines already imported stay unique per shop and the import's "already imported" check finds them.
UPDATE `shipment_lines` SET `ec_setting_id` = (SELECT `s`.`ec_setting_id` FROM `shipments` `s` WHERE `s`.`id` = `shipment_lines`.`shipment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_lines_setting_bcart` ON `shipment_lines` (`ec_setting_id`,`bcart_order_product_id`);--> statement-breakpoint
DROP INDEX `shipments_bcart_logistics`;--> statement-breakpoint
ALTER TABLE `shipments` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `gross_amount` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `bcart_member_id` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `bcart_member_ext_id` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `bcart_member_company` text;--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_setting_bcart_logistics` ON `shipments` (`ec_setting_id`,`bcart_logistics_id`);--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `gross_amount` integer;