CREATE TABLE "study_invites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "study_invites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"study_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"role" "member_role" DEFAULT 'rater' NOT NULL,
	"email" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"redeemed_by" integer,
	"redeemed_at" timestamp with time zone,
	CONSTRAINT "study_invites_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "slices" ADD COLUMN "taken_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "slices" ADD COLUMN "is_gold" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "study_invites" ADD CONSTRAINT "study_invites_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_invites" ADD CONSTRAINT "study_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_invites" ADD CONSTRAINT "study_invites_redeemed_by_users_id_fk" FOREIGN KEY ("redeemed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "study_invites_study_idx" ON "study_invites" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "slices_pick_idx" ON "slices" USING btree ("study_id","is_gold","taken_count","priority" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "annotations_user_idempotency_key_uq" ON "annotations" USING btree ("user_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_one_lease_per_rater_uq" ON "assignments" USING btree ("study_id","user_id") WHERE state = 'leased';--> statement-breakpoint
CREATE INDEX "assignments_lease_expiry_idx" ON "assignments" USING btree ("study_id","lease_expires_at") WHERE state = 'leased';