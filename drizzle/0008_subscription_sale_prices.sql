DROP INDEX `tax_update_runs_event`;--> statement-breakpoint
CREATE UNIQUE INDEX `tax_update_runs_event_active` ON `tax_update_runs` (`rate_event_id`) WHERE restored_at is null;--> statement-breakpoint
ALTER TABLE `subscription_applications` ADD `sale_first` integer;--> statement-breakpoint
ALTER TABLE `subscription_applications` ADD `sale_regular` integer;--> statement-breakpoint
ALTER TABLE `subscription_applications` ADD `sale_last` integer;