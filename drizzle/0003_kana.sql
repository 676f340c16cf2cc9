ALTER TABLE `partners` ADD `kana` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `kana` text DEFAULT '' NOT NULL;