ALTER TABLE `invoice_lines` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `invoice_lines` ADD `gross_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `gross_amount` integer;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `shipment_lines` ADD `gross_amount` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `net_amount` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `tax_amount` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `gross_amount` integer;