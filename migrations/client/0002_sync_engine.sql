CREATE TABLE `resync_seen` (
	`tbl` text NOT NULL,
	`id` text NOT NULL,
	PRIMARY KEY(`tbl`, `id`)
);
--> statement-breakpoint
CREATE TABLE `sync_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`trigger` text NOT NULL,
	`outcome` text NOT NULL,
	`pushed` integer DEFAULT 0 NOT NULL,
	`applied` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`pulled` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `synced_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text,
	`version` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `entries` ADD `local_only` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `acked_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `result_status` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `result_code` text;--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`seq`) WHERE "acked_at" is null;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `resyncing` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `blocked` text;