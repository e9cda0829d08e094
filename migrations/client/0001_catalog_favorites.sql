CREATE TABLE `catalog_favorites` (
	`employee_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`employee_id`, `activity_id`)
);
