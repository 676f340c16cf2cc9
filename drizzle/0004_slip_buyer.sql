ALTER TABLE `invoices` ADD `bcart_member_id` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `bcart_member_ext_id` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `bcart_member_company` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `bcart_member_id` integer;--> statement-breakpoint
ALTER TABLE `shipments` ADD `bcart_member_ext_id` text;--> statement-breakpoint
ALTER TABLE `shipments` ADD `bcart_member_company` text;