CREATE TABLE `review_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`employee_id` text,
	`work_date` text DEFAULT '' NOT NULL,
	`start_time` text DEFAULT '' NOT NULL,
	`end_time` text DEFAULT '' NOT NULL,
	`decision` text NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`at` text NOT NULL,
	`dismissed_at` text,
	CONSTRAINT "review_notices_decision_ck" CHECK("review_notices"."decision" in ('approve','return','reject'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_notices_mutation_uq` ON `review_notices` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `review_notices_open_idx` ON `review_notices` (`actor_id`,`id`) WHERE "review_notices"."dismissed_at" is null;