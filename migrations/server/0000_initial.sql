CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_kind_ck" CHECK ("absences"."kind" in ('cuti','sakit','izin','dinas_luar'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"workstation_id" uuid,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"output_unit" text NOT NULL,
	"norm_minutes" integer,
	"category" text DEFAULT 'tugas_pokok' NOT NULL,
	"scope_unit_id" uuid,
	"scope_position" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_category_ck" CHECK ("catalog"."category" in ('tugas_pokok','tugas_tambahan')),
	CONSTRAINT "catalog_norm_ck" CHECK ("catalog"."norm_minutes" is null or "catalog"."norm_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nip" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"position_title" text DEFAULT '' NOT NULL,
	"supervisor_id" uuid,
	"roles" text[] DEFAULT '{staff}'::text[] NOT NULL,
	"pin_hash" text,
	"must_change_pin" boolean DEFAULT true NOT NULL,
	"tpp_base" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_nip_ck" CHECK ("employees"."nip" ~ '^[0-9]{18}$')
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"workstation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"minutes" integer NOT NULL,
	"credited_minutes" integer NOT NULL,
	"activity_id" uuid,
	"activity_text" text,
	"rhk_id" uuid,
	"volume" integer NOT NULL,
	"output_unit" text NOT NULL,
	"description" text NOT NULL,
	"evidence_note" text,
	"status" text NOT NULL,
	"rev" integer DEFAULT 1 NOT NULL,
	"reviewer_id" uuid,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"workstation_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "entries_status_ck" CHECK ("entries"."status" in ('draft','submitted','approved','returned','rejected')),
	CONSTRAINT "entries_volume_ck" CHECK ("entries"."volume" >= 1),
	CONSTRAINT "entries_minutes_ck" CHECK ("entries"."minutes" > 0 and "entries"."credited_minutes" >= 0 and "entries"."credited_minutes" <= "entries"."minutes")
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'libur_nasional' NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_kind_ck" CHECK ("holidays"."kind" in ('libur_nasional','cuti_bersama'))
);
--> statement-breakpoint
CREATE TABLE "mutation_results" (
	"mutation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"name" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"status" text NOT NULL,
	"code" text,
	"message" text,
	"rev" integer,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutation_results_client_id_seq_pk" PRIMARY KEY("client_id","seq"),
	CONSTRAINT "mutation_results_status_ck" CHECK ("mutation_results"."status" in ('applied','rejected','conflict'))
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rhk" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"indicator" text DEFAULT '' NOT NULL,
	"target" integer DEFAULT 0 NOT NULL,
	"output_unit" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"workstation_id" uuid NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"last_client_time" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_counters" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "workstations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"client_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"last_ip" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD CONSTRAINT "enrollment_codes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD CONSTRAINT "sync_clients_workstation_id_workstations_id_fk" FOREIGN KEY ("workstation_id") REFERENCES "public"."workstations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstations" ADD CONSTRAINT "workstations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "absences_employee_date_uq" ON "absences" USING btree ("employee_id","date");--> statement-breakpoint
CREATE INDEX "absences_unit_version_idx" ON "absences" USING btree ("unit_id","version");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_code_uq" ON "catalog" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_version_idx" ON "catalog" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_nip_uq" ON "employees" USING btree ("nip");--> statement-breakpoint
CREATE INDEX "employees_unit_version_idx" ON "employees" USING btree ("unit_id","version");--> statement-breakpoint
CREATE INDEX "employees_supervisor_idx" ON "employees" USING btree ("supervisor_id");--> statement-breakpoint
CREATE INDEX "enrollment_codes_unit_idx" ON "enrollment_codes" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "entries_unit_version_idx" ON "entries" USING btree ("unit_id","version");--> statement-breakpoint
CREATE INDEX "entries_employee_date_idx" ON "entries" USING btree ("employee_id","work_date","start_time");--> statement-breakpoint
CREATE INDEX "entries_status_employee_idx" ON "entries" USING btree ("status","employee_id","work_date");--> statement-breakpoint
CREATE INDEX "holidays_version_idx" ON "holidays" USING btree ("version");--> statement-breakpoint
CREATE INDEX "mutation_results_mutation_idx" ON "mutation_results" USING btree ("mutation_id");--> statement-breakpoint
CREATE INDEX "mutation_results_processed_idx" ON "mutation_results" USING btree ("processed_at");--> statement-breakpoint
CREATE INDEX "rhk_unit_version_idx" ON "rhk" USING btree ("unit_id","version");--> statement-breakpoint
CREATE INDEX "rhk_employee_year_idx" ON "rhk" USING btree ("employee_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "workstations_token_hash_uq" ON "workstations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "workstations_unit_idx" ON "workstations" USING btree ("unit_id");