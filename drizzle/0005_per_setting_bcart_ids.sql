DROP INDEX `invoices_bcart_order`;--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_setting_bcart_order` ON `invoices` (`ec_setting_id`,`bcart_order_id`);--> statement-breakpoint
DROP INDEX `shipment_lines_bcart`;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `ec_setting_id` integer;--> statement-breakpoint
-- Hand-written: every existing line takes its shipment's EC連携設定 before the new index is built, so
-- lines already imported stay unique per shop and the import's "already imported" check finds them.
UPDATE `shipment_lines` SET `ec_setting_id` = (SELECT `s`.`ec_setting_id` FROM `shipments` `s` WHERE `s`.`id` = `shipment_lines`.`shipment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_lines_setting_bcart` ON `shipment_lines` (`ec_setting_id`,`bcart_order_product_id`);--> statement-breakpoint
DROP INDEX `shipments_bcart_logistics`;--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_setting_bcart_logistics` ON `shipments` (`ec_setting_id`,`bcart_logistics_id`);