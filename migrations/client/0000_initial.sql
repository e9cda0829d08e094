CREATE TABLE `absences` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `absences_employee_date_uq` ON `absences` (`employee_id`,`date`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity_type` text,
	`entity_id` text,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_id`);--> statement-breakpoint
CREATE TABLE `catalog` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`output_unit` text NOT NULL,
	`norm_minutes` integer,
	`category` text DEFAULT 'tugas_pokok' NOT NULL,
	`scope_unit_id` text,
	`scope_position` text,
	`search_text` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `catalog_active_name_idx` ON `catalog` (`active`,`name`);--> statement-breakpoint
CREATE TABLE `employees` (
	`id` text PRIMARY KEY NOT NULL,
	`nip` text NOT NULL,
	`name` text NOT NULL,
	`unit_id` text NOT NULL,
	`position_title` text DEFAULT '' NOT NULL,
	`supervisor_id` text,
	`roles` text DEFAULT '["staff"]' NOT NULL,
	`pin_hash` text,
	`must_change_pin` integer DEFAULT 1 NOT NULL,
	`tpp_base` integer,
	`active` integer DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employees_nip_uq` ON `employees` (`nip`);--> statement-breakpoint
CREATE INDEX `employees_unit_name_idx` ON `employees` (`unit_id`,`name`);--> statement-breakpoint
CREATE INDEX `employees_supervisor_idx` ON `employees` (`supervisor_id`);--> statement-breakpoint
CREATE TABLE `entries` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` text NOT NULL,
	`work_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`minutes` integer NOT NULL,
	`credited_minutes` integer NOT NULL,
	`activity_id` text,
	`activity_text` text,
	`rhk_id` text,
	`volume` integer NOT NULL,
	`output_unit` text NOT NULL,
	`description` text NOT NULL,
	`evidence_note` text,
	`status` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`reviewer_id` text,
	`review_note` text,
	`reviewed_at` text,
	`flags` text DEFAULT '[]' NOT NULL,
	`workstation_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`received_at` text,
	`sync_code` text,
	`sync_message` text,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "entries_status_ck" CHECK("entries"."status" in ('draft','submitted','approved','returned','rejected')),
	CONSTRAINT "entries_volume_ck" CHECK("entries"."volume" >= 1),
	CONSTRAINT "entries_minutes_ck" CHECK("entries"."minutes" > 0 and "entries"."credited_minutes" >= 0 and "entries"."credited_minutes" <= "entries"."minutes")
);
--> statement-breakpoint
CREATE INDEX `entries_employee_date_idx` ON `entries` (`employee_id`,`work_date`,`start_time`);--> statement-breakpoint
CREATE INDEX `entries_status_employee_idx` ON `entries` (`status`,`employee_id`,`work_date`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'libur_nasional' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kiosk_lockouts` (
	`employee_id` text PRIMARY KEY NOT NULL,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`lock_count` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_failed_at` text
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`actor_id` text NOT NULL,
	`client_time` text NOT NULL,
	`entity_id` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_uq` ON `outbox` (`id`);--> statement-breakpoint
CREATE INDEX `outbox_entity_idx` ON `outbox` (`entity_id`);--> statement-breakpoint
CREATE TABLE `policies` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rhk` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` text NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`indicator` text DEFAULT '' NOT NULL,
	`target` integer DEFAULT 0 NOT NULL,
	`output_unit` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rhk_employee_year_idx` ON `rhk` (`employee_id`,`year`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`workstation_id` text,
	`workstation_name` text,
	`unit_id` text,
	`server_url` text,
	`cursor` text,
	`last_processed_seq` integer DEFAULT 0 NOT NULL,
	`last_sync_at` text,
	`created_at` text NOT NULL,
	CONSTRAINT "sync_state_single_ck" CHECK("sync_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
