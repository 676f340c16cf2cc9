ALTER TABLE `stock_settings` ADD `reconciled_at` text;--> statement-breakpoint
ALTER TABLE `stock_settings` ADD `reconcile_checked` integer;--> statement-breakpoint
ALTER TABLE `stock_settings` ADD `reconcile_drifted` integer;