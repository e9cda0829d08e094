CREATE TABLE "unit_departures" (
	"unit_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_departures_unit_id_employee_id_pk" PRIMARY KEY("unit_id","employee_id")
);
--> statement-breakpoint
CREATE INDEX "unit_departures_unit_version_idx" ON "unit_departures" USING btree ("unit_id","version");